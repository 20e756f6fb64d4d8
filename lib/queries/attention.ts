import type { GalleryImageVersion } from "@azure/arm-compute";
import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { queryResourceGraph, RESOURCE_GRAPH_PATH } from "@/lib/azure/resourceGraph";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { type AttentionVersion, type SoftDeletedVersion, versionsToExpand } from "@/lib/attention/needsAttention";
import { mapWithConcurrency } from "@/lib/consumer/concurrency";
import { compareVersionNames } from "@/lib/gallery/names";
import type { ReplicationState } from "@/lib/gallery/replication";
import { securityTypeOf, VALIDATED_SECURITY_TYPES } from "@/lib/gallery/versionValidation";
import { type GalleryReach, type ImageUsage, readImageUsage } from "@/lib/lifecycle/usage";

/**
 * One Resource Graph query for every gallery, image definition and image version the user can read: the versions
 * for the rules, the galleries and definitions to find where soft-deleted versions may be.
 */
export const ATTENTION_QUERY = [
  "resources",
  "| where type in~ ('microsoft.compute/galleries', 'microsoft.compute/galleries/images', 'microsoft.compute/galleries/images/versions')",
  "| project id, name, type, location, subscriptionId, properties",
  "| order by id asc",
].join("\n");

const GALLERY = "microsoft.compute/galleries";
const DEFINITION = "microsoft.compute/galleries/images";
const VERSION = "microsoft.compute/galleries/images/versions";

type Row = AttentionVersion & {
  type: string;
  properties?: AttentionVersion["properties"] & {
    softDeletePolicy?: { isSoftDeleteEnabled?: boolean };
    identifier?: { uniqueName?: string };
    features?: { name?: string; value?: string }[];
    sharingProfile?: { communityGalleryInfo?: { publicNames?: string[] } };
  };
};

/** A gallery row as consumers may name it (lib/lifecycle/usage.ts). */
function reachOf(row: Row): GalleryReach {
  const uniqueName = row.properties?.identifier?.uniqueName;
  return {
    id: row.id,
    ...(uniqueName ? { uniqueName } : {}),
    publicNames: row.properties?.sharingProfile?.communityGalleryInfo?.publicNames ?? [],
  };
}

/**
 * What uses the versions that have an end of life, for "in use past end of life": one usage query over the
 * galleries holding such versions. A failed query leaves the rule out rather than the section.
 */
async function usageOfVersionsWithEndOfLife(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  galleries: readonly Row[],
  versions: readonly AttentionVersion[],
): Promise<{ versionUsage?: ImageUsage; versionUsageError?: unknown }> {
  const holding = new Set(
    versions
      .filter((v) => v.properties?.publishingProfile?.endOfLifeDate)
      .map((v) => v.id.toLowerCase().replace(/\/images\/[^/]+\/versions\/[^/]+$/, "")),
  );
  const reaches = galleries.filter((g) => holding.has(g.id.toLowerCase())).map(reachOf);
  try {
    return { versionUsage: await readImageUsage(arm, subscriptionIds, reaches) };
  } catch (error) {
    return { versionUsageError: toAzureError(error, RESOURCE_GRAPH_PATH) };
  }
}

/** ARM reads in flight at once (replication states, soft-deleted listings). */
const READ_CONCURRENCY = 6;

/**
 * A version read again with an $expand Resource Graph does not carry, its answer merged into the version's
 * properties. Deleted since Resource Graph indexed it, or not readable: the version as it was, which the rules still
 * judge by its provisioningState.
 */
async function readAgain(
  arm: ArmClients,
  version: AttentionVersion,
  expand: "ReplicationStatus" | "ValidationProfile",
  merge: (read: GalleryImageVersion) => Partial<NonNullable<AttentionVersion["properties"]>>,
): Promise<AttentionVersion> {
  const p = galleryPathOf(version.id);
  if (!p?.imageName || !p.versionName) return version;
  try {
    const read = await arm
      .compute(p.subscriptionId)
      .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, { expand });
    return { ...version, properties: { ...version.properties, ...merge(read) } };
  } catch {
    return version;
  }
}

/** Replication, for versions not Succeeded (replicating, or failed). */
function withReplication(arm: ArmClients, version: AttentionVersion): Promise<AttentionVersion> {
  return readAgain(arm, version, "ReplicationStatus", (read) => ({
    replicationStatus: {
      summary: (read.replicationStatus?.summary ?? []).flatMap((r) =>
        r.region && r.state
          ? [{ region: r.region, state: r.state as ReplicationState, details: r.details, progress: r.progress }]
          : [],
      ),
    },
  }));
}

/** Versions of each definition whose validation is read: the newest, which new VMs and scale sets pick up. */
export const VALIDATION_READS_PER_DEFINITION = 5;

/**
 * The versions whose platform validation to read ($expand=ValidationProfile, which Resource Graph does not carry):
 * the newest of each definition whose SecurityType the platform validates.
 */
function versionsToValidate(definitions: readonly Row[], versions: readonly AttentionVersion[]): Set<AttentionVersion> {
  const validated = new Set(
    definitions
      .filter((d) => {
        const type = securityTypeOf(d.properties?.features);
        return VALIDATED_SECURITY_TYPES.some((t) => t.toLowerCase() === type?.toLowerCase());
      })
      .map((d) => d.id.toLowerCase()),
  );
  const byDefinition = new Map<string, AttentionVersion[]>();
  for (const version of versions) {
    const definitionId = version.id.replace(/\/versions\/[^/]+$/i, "").toLowerCase();
    if (!validated.has(definitionId)) continue;
    byDefinition.set(definitionId, [...(byDefinition.get(definitionId) ?? []), version]);
  }
  return new Set(
    [...byDefinition.values()].flatMap((list) =>
      list.sort((a, b) => compareVersionNames(b.name, a.name)).slice(0, VALIDATION_READS_PER_DEFINITION),
    ),
  );
}

/** The platform's validation results. */
function withValidation(arm: ArmClients, version: AttentionVersion): Promise<AttentionVersion> {
  return readAgain(arm, version, "ValidationProfile", (read) => ({
    validationsProfile: {
      executedValidations: (read.validationsProfile?.executedValidations ?? []).map((v) => ({
        ...(v.type ? { type: v.type } : {}),
        ...(v.status ? { status: v.status as "Succeeded" | "Failed" } : {}),
      })),
    },
  }));
}

/**
 * The soft-deleted versions of one definition (the service lists them per definition only). A listing that fails
 * leaves that definition out: the section is advice, not an audit.
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

export interface AttentionScan {
  versions: AttentionVersion[];
  softDeleted: SoftDeletedVersion[];
  /** The VMs and scale sets using versions that have an end of life; undefined when it could not be read. */
  versionUsage?: ImageUsage;
  versionUsageError?: unknown;
}

export const attentionQueries = {
  all: () => ["attention"] as const,
  scan: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...attentionQueries.all(), "scan", [...subscriptionIds].map((s) => s.toLowerCase()).sort()],
      queryFn: async (): Promise<AttentionScan> => {
        let rows: Row[];
        try {
          rows = await queryResourceGraph<Row>(arm, subscriptionIds, ATTENTION_QUERY);
        } catch (error) {
          throw toAzureError(error, RESOURCE_GRAPH_PATH);
        }
        const ofType = (type: string) => rows.filter((r) => r.type.toLowerCase() === type);
        const versions: AttentionVersion[] = ofType(VERSION).map(({ type: _type, ...version }) => version);
        const softDeleteGalleries = ofType(GALLERY)
          .filter((g) => g.properties?.softDeletePolicy?.isSoftDeleteEnabled === true)
          .map((g) => `${g.id.toLowerCase()}/images/`);
        const definitions = ofType(DEFINITION).filter((d) =>
          softDeleteGalleries.some((g) => d.id.toLowerCase().startsWith(g)),
        );
        const expand = new Set(versionsToExpand(versions));
        const validate = versionsToValidate(ofType(DEFINITION), versions);
        const [expanded, softDeleted, usage] = await Promise.all([
          mapWithConcurrency(versions, READ_CONCURRENCY, async (v) => {
            const replicated = expand.has(v) ? await withReplication(arm, v) : v;
            return validate.has(v) ? withValidation(arm, replicated) : replicated;
          }),
          mapWithConcurrency(definitions, READ_CONCURRENCY, (d) => softDeletedOf(arm, d.id)),
          usageOfVersionsWithEndOfLife(arm, subscriptionIds, ofType(GALLERY), versions),
        ]);
        return { versions: expanded, softDeleted: softDeleted.flat(), ...usage };
      },
      enabled: subscriptionIds.length > 0,
    }),
};
