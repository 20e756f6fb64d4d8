import type { QueryClient } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { parseResourceId, resourceIdFromRoutePath } from "@/lib/azure/resourceId";
import { applicationQueries, applicationVersionQueries } from "@/lib/queries/galleryApplications";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { imageQueries } from "@/lib/queries/galleryImages";

/**
 * Starts the first reads of the page at `pathname` as soon as the signed-in user's ARM clients exist, rather than
 * when the page has rendered and its effects run (about 100 ms later on a first load, after React's render of
 * the whole tree). Only for pages whose first screen waits on a list that may be long: an image definition's or a
 * VM application's versions (10,000 of them are eleven Resource Graph pages) and the resource itself. The page's
 * own queries, with the same keys, take over the reads in flight.
 */
export function prefetchRouteReads(client: QueryClient, arm: ArmClients, pathname: string): void {
  const id = resourceIdFromRoutePath(pathname);
  const kind = id ? parseResourceId(id)?.kind : undefined;
  if (!id) return;
  // The list first: the resource's read builds the Compute SDK client, which takes a while the first time.
  if (kind === "galleryImage") {
    void client.prefetchQuery(versionQueries.list(arm, id));
    void client.prefetchQuery(imageQueries.detail(arm, id));
  } else if (kind === "galleryApplication") {
    void client.prefetchQuery(applicationVersionQueries.list(arm, id));
    void client.prefetchQuery(applicationQueries.detail(arm, id));
  }
}
