import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { queryResourceGraph, RESOURCE_GRAPH_PATH } from "@/lib/azure/resourceGraph";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { type AttentionVersion, type SoftDeletedVersion, versionsToExpand } from "@/lib/attention/needsAttention";
import { mapWithConcurrency } from "@/lib/consumer/concurrency";
import type { ReplicationState } from "@/lib/gallery/replication";

/**
 * Every image version the user can read, as Resource Graph has them. Resource Graph carries no replication
 * status, so the few versions not Succeeded (replicating, or failed) are read again with $expand=ReplicationStatus.
 */
export const ATTENTION_VERSIONS_QUERY = [
  "resources",
  "| where type =~ 'microsoft.compute/galleries/images/versions'",
  "| project id, name, location, subscriptionId, properties",
  "| order by id asc",
].join("\n");

/** Version reads in flight at once while replication states are read. */
const EXPAND_CONCURRENCY = 6;

async function withReplication(arm: ArmClients, version: AttentionVersion): Promise<AttentionVersion> {
  const p = galleryPathOf(version.id);
  if (!p?.imageName || !p.versionName) return version;
  try {
    const read = await arm
      .compute(p.subscriptionId)
      .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
        expand: "ReplicationStatus",
      });
    const summary = (read.replicationStatus?.summary ?? []).flatMap((r) =>
      r.region && r.state
        ? [{ region: r.region, state: r.state as ReplicationState, details: r.details, progress: r.progress }]
        : [],
    );
    return { ...version, properties: { ...version.properties, replicationStatus: { summary } } };
  } catch {
    // Deleted since Resource Graph indexed it, or not readable: the rules still see its provisioningState.
    return version;
  }
}

/** Galleries and their definitions, to find the definitions of galleries with soft delete on. */
export const SOFT_DELETE_SCOPE_QUERY = [
  "resources",
  "| where type in~ ('microsoft.compute/galleries', 'microsoft.compute/galleries/images')",
  "| project id, type, properties",
  "| order by id asc",
].join("\n");

interface ScopeRow {
  id: string;
  type: string;
  properties?: { softDeletePolicy?: { isSoftDeleteEnabled?: boolean } };
}

/**
 * The soft-deleted versions of one definition. A listing that fails (no read on the gallery's soft-deleted
 * artifacts, an api-version the region lacks) leaves that definition out: the section is advice, not an audit.
 */
async function softDeletedOf(arm: ArmClients, definitionId: string): Promise<SoftDeletedVersion[]> {
  const p = galleryPathOf(definitionId);
  if (!p?.imageName) return [];
  const found: SoftDeletedVersion[] = [];
  try {
    for await (const version of arm
      .compute(p.subscriptionId)
      .softDeletedResource.listByArtifactName(p.resourceGroupName, p.galleryName, "Images", p.imageName)) {
      if (version.id && version.name && version.softDeletedTime)
        found.push({ id: version.id, name: version.name, softDeletedTime: version.softDeletedTime });
    }
  } catch {
    return [];
  }
  return found;
}

export const attentionQueries = {
  all: () => ["attention"] as const,
  versions: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...attentionQueries.all(), "versions", [...subscriptionIds].map((s) => s.toLowerCase()).sort()],
      queryFn: async (): Promise<AttentionVersion[]> => {
        let versions: AttentionVersion[];
        try {
          versions = await queryResourceGraph<AttentionVersion>(arm, subscriptionIds, ATTENTION_VERSIONS_QUERY);
        } catch (error) {
          throw toAzureError(error, RESOURCE_GRAPH_PATH);
        }
        const expand = new Set(versionsToExpand(versions));
        return mapWithConcurrency(versions, EXPAND_CONCURRENCY, (v) =>
          expand.has(v) ? withReplication(arm, v) : Promise.resolve(v),
        );
      },
      enabled: subscriptionIds.length > 0,
    }),
  /** Soft-deleted versions, listed per definition of the galleries with soft delete on (the API lists no wider). */
  softDeleted: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...attentionQueries.all(), "softDeleted", [...subscriptionIds].map((s) => s.toLowerCase()).sort()],
      queryFn: async (): Promise<SoftDeletedVersion[]> => {
        let rows: ScopeRow[];
        try {
          rows = await queryResourceGraph<ScopeRow>(arm, subscriptionIds, SOFT_DELETE_SCOPE_QUERY);
        } catch (error) {
          throw toAzureError(error, RESOURCE_GRAPH_PATH);
        }
        const galleries = rows
          .filter((r) => r.type.toLowerCase() === "microsoft.compute/galleries")
          .filter((r) => r.properties?.softDeletePolicy?.isSoftDeleteEnabled === true)
          .map((r) => `${r.id.toLowerCase()}/images/`);
        const definitions = rows
          .filter((r) => r.type.toLowerCase() === "microsoft.compute/galleries/images")
          .filter((r) => galleries.some((g) => r.id.toLowerCase().startsWith(g)));
        return (await mapWithConcurrency(definitions, EXPAND_CONCURRENCY, (d) => softDeletedOf(arm, d.id))).flat();
      },
      enabled: subscriptionIds.length > 0,
    }),
};
