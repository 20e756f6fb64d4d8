"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { ArtifactTable, LinkButton, Toolbar, useAllows } from "@/components/galleryArtifacts/ArtifactParts";
import type { ArtifactKind } from "@/components/galleryArtifacts/ArtifactToolbars";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactHref, type ArtifactCollection } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";

/** How a gallery's page of one kind of artifact (scripts, access control profiles) names it. */
export interface ArtifactListKind extends ArtifactKind {
  collection: ArtifactCollection;
  /** "Scripts": the crumb and, with the gallery's name, the title. */
  title: string;
  /** "Gallery scripts": the header's kind and the table's caption. */
  kindLabel: string;
  /** "script", "access control profile": one of them, in the toolbar's name and the empty table's text. */
  itemName: string;
  /** The create page under the gallery's URL ("new-script"). */
  createPage: string;
}

/** One artifact's row: its name and state, and the cells under `headers`. */
export interface ArtifactListItem {
  id?: string | undefined;
  name?: string | undefined;
  provisioningState?: string | undefined;
  cells: React.ReactNode[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The artifacts of one kind in a gallery, linked to their pages, with a way to create one where the user may. */
export function ArtifactListPage({
  gallery,
  kind,
  list,
  headers,
}: {
  gallery: GalleryPath;
  kind: ArtifactListKind;
  /** The gallery's artifacts of this kind, each as its row. */
  list: UseQueryResult<ArtifactListItem[]>;
  headers: string[];
}) {
  const subscriptionName = useSubscriptionName(gallery.subscriptionId);
  const galleryId = galleryIdOf(gallery);
  const allows = useAllows(galleryId);
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(gallery, subscriptionName), { label: kind.title }]} />
      <PageHeader kind={kind.kindLabel} title={`${kind.title} of ${gallery.galleryName}`} />
      <Toolbar label={`${capitalized(kind.itemName)} actions`}>
        {allows(`${kind.resourceType}/write`) && (
          <LinkButton href={`${pageHref(galleryId)}/${kind.createPage}`}>Create {kind.noun}</LinkButton>
        )}
      </Toolbar>
      {list.isError && <ErrorPanel error={list.error} title={`The ${kind.shortNoun}s could not be listed`} />}
      {list.isPending ? (
        <Spinner label={`Listing the ${kind.shortNoun}s…`} />
      ) : (
        <ArtifactTable
          caption={kind.kindLabel}
          headers={headers}
          empty={`This gallery holds no ${kind.itemName}.`}
          rows={(list.data ?? []).map((item) => ({
            key: item.id ?? item.name ?? "",
            name: item.name ?? "",
            href: galleryArtifactHref({ ...gallery, collection: kind.collection, artifactName: item.name ?? "" }),
            provisioningState: item.provisioningState,
            cells: item.cells,
          }))}
        />
      )}
    </>
  );
}
