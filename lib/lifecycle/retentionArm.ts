import type { GalleryImageVersion } from "@azure/arm-compute";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryImageResourceId, parseResourceId } from "@/lib/azure/resourceId";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { createLimiter, type Limiter } from "@/lib/inventory/limiter";
import { type LatestCandidate, resolveLatest } from "@/lib/gallery/latest";
import { effectiveTargetRegions, type RegionalReplicationStatus } from "@/lib/gallery/replication";
import { normalizeLocation } from "@/lib/gallery/regions";
import { collect } from "@/lib/queries/collect";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";
import type { RetentionExecutor, RetentionVersion } from "@/lib/lifecycle/retention";
import { galleryReachOf, type ImageUsage, readImageUsage } from "@/lib/lifecycle/usage";

/**
 * Reading what the retention engine decides over, and carrying out its plan, through ARM: the same code for the
 * dashboard and the headless CLI, which differ only in the credential behind ArmClients.
 */

/** A retention scope: an image definition, a gallery, or a subscription (every gallery in it). */
export interface RetentionScope {
  kind: "definition" | "gallery" | "subscription";
  id: string;
}

export function parseRetentionScope(id: string): RetentionScope | undefined {
  const parsed = parseResourceId(id);
  if (parsed?.kind === "galleryImage") return { kind: "definition", id: parsed.id };
  if (parsed?.kind === "gallery") return { kind: "gallery", id: parsed.id };
  if (parsed?.kind === "subscription") return { kind: "subscription", id: parsed.id };
  return undefined;
}

export interface RetentionInventory {
  versions: RetentionVersion[];
  usage: ImageUsage;
}

/** Version reads in flight at once. */
const READ_CONCURRENCY = 6;
const API_SUBSCRIPTIONS = "/subscriptions?api-version=2022-12-01";

function sizeGBOf(version: GalleryImageVersion): number {
  const storage = version.storageProfile;
  const os = storage?.osDiskImage?.sizeInGB ?? 0;
  return os + (storage?.dataDiskImages ?? []).reduce((sum, disk) => sum + (disk.sizeInGB ?? 0), 0);
}

function candidateOf(version: GalleryImageVersion): LatestCandidate {
  const profile = version.publishingProfile;
  // A version that provisioned is Completed in every region it targets; only the others need their status read.
  const summary: RegionalReplicationStatus[] =
    version.replicationStatus?.summary?.map((s) => ({
      region: s.region ?? "",
      state: (s.state as RegionalReplicationStatus["state"]) ?? "Unknown",
    })) ??
    (version.provisioningState === "Succeeded"
      ? effectiveTargetRegions(version).map((t) => ({ region: t.name, state: "Completed" as const }))
      : []);
  return {
    name: version.name ?? "",
    location: version.location,
    publishingProfile: {
      ...(profile?.excludeFromLatest ? { excludeFromLatest: true } : {}),
      ...(profile?.endOfLifeDate ? { endOfLifeDate: new Date(profile.endOfLifeDate).toISOString() } : {}),
      targetRegions: (profile?.targetRegions ?? []).map((t) => ({
        name: t.name,
        ...(t.excludeFromLatest ? { excludeFromLatest: true } : {}),
      })),
    },
    replicationStatus: { summary },
  };
}

/** Every region any version targets, with the version `latest` resolves to there now. */
export function latestByRegion(versions: readonly GalleryImageVersion[], now: Date): Map<string, string> {
  const candidates = versions.map(candidateOf);
  const regions = new Set<string>();
  for (const version of versions) for (const t of effectiveTargetRegions(version)) regions.add(t.name);
  const latest = new Map<string, string>();
  for (const region of regions) {
    const resolved = resolveLatest(candidates, region, now).latest;
    if (resolved) latest.set(region, resolved);
  }
  return latest;
}

export function retentionVersionOf(
  version: GalleryImageVersion,
  definitionId: string,
  latest: ReadonlyMap<string, string>,
): RetentionVersion {
  const profile = version.publishingProfile;
  const latestIn = [...latest].filter(([, name]) => name === version.name).map(([region]) => region);
  return {
    id: version.id!,
    name: version.name!,
    definitionId,
    ...(profile?.publishedDate ? { publishedDate: new Date(profile.publishedDate).toISOString() } : {}),
    ...(profile?.endOfLifeDate ? { endOfLifeDate: new Date(profile.endOfLifeDate).toISOString() } : {}),
    excludeFromLatest: profile?.excludeFromLatest ?? false,
    blockDeletionBeforeEndOfLife: version.safetyProfile?.blockDeletionBeforeEndOfLife ?? false,
    regions: effectiveTargetRegions(version).map((t) => ({
      name: normalizeLocation(t.name),
      regionalReplicaCount: t.regionalReplicaCount,
    })),
    latestIn,
    sizeGB: sizeGBOf(version),
  };
}

function definitionIdOf(versionId: string): string {
  return versionId.slice(0, versionId.toLowerCase().lastIndexOf("/versions/"));
}

/** A Resource Graph row of an image version, in the SDK's shape (dates as Date), as its GET would read. */
function versionFromGraphRow(row: GraphVersionRow): GalleryImageVersion {
  const { publishingProfile = {}, storageProfile, safetyProfile, provisioningState } = row.properties;
  const { publishedDate, endOfLifeDate, ...rest } = publishingProfile;
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    ...(provisioningState ? { provisioningState } : {}),
    publishingProfile: {
      ...rest,
      ...(publishedDate ? { publishedDate: new Date(publishedDate) } : {}),
      ...(endOfLifeDate ? { endOfLifeDate: new Date(endOfLifeDate) } : {}),
    },
    storageProfile: storageProfile ?? {},
    ...(safetyProfile ? { safetyProfile } : {}),
  } as GalleryImageVersion;
}

interface GraphVersionRow {
  id: string;
  name: string;
  location: string;
  properties: {
    publishingProfile?: Record<string, unknown> & { publishedDate?: string; endOfLifeDate?: string };
    storageProfile?: GalleryImageVersion["storageProfile"];
    safetyProfile?: GalleryImageVersion["safetyProfile"];
    provisioningState?: GalleryImageVersion["provisioningState"];
  };
}

/** The id prefix of the versions in a scope, as Resource Graph spells ids. */
function versionPrefix(scope: RetentionScope): string {
  if (scope.kind === "definition") return `${scope.id}/versions/`;
  if (scope.kind === "gallery") return `${scope.id}/images/`;
  return `${scope.id}/`;
}

/**
 * Every version in the scope, by definition: one Resource Graph query, paged, rather than a list per definition (a
 * gallery of 10,000 versions is 200 pages of ARM's lists but 10 of Resource Graph's). When Resource Graph cannot
 * answer, the definitions are listed through ARM instead.
 */
async function listedVersions(
  arm: ArmClients,
  scope: RetentionScope,
  definitionIds: () => Promise<string[]>,
  limit: Limiter,
): Promise<Map<string, GalleryImageVersion[]>> {
  const byDefinition = new Map<string, GalleryImageVersion[]>();
  const add = (definitionId: string, version: GalleryImageVersion) => {
    const key = definitionId.toLowerCase();
    byDefinition.set(key, [...(byDefinition.get(key) ?? []), version]);
  };
  const prefix = versionPrefix(scope);
  if (!/^[\w./() -]+$/.test(prefix)) throw new Error(`'${scope.id}' cannot be part of a Resource Graph query.`);
  const query =
    "resources | where type =~ 'microsoft.compute/galleries/images/versions' " +
    `and id startswith '${prefix}' | project id, name, location, properties`;
  try {
    const rows = await queryResourceGraph<GraphVersionRow>(arm, [parseResourceId(scope.id)!.subscriptionId], query);
    for (const row of rows) {
      const version = versionFromGraphRow(row);
      add(definitionIdOf(row.id), version);
    }
    return byDefinition;
  } catch {
    // Resource Graph throttled past its budget, failed or refused: the lists answer the same, more slowly.
    byDefinition.clear();
  }
  await Promise.all(
    (await definitionIds()).map(async (definitionId) => {
      const p = galleryPathOf(definitionId)!;
      const listed = await limit(() =>
        collect(
          arm
            .compute(p.subscriptionId)
            .galleryImageVersions.listByGalleryImage(p.resourceGroupName, p.galleryName, p.imageName!),
        ),
      );
      for (const version of listed) add(definitionId, version);
    }),
  );
  return byDefinition;
}

/** A definition's versions as the engine sees them, with replication read for those still settling. */
async function definitionVersions(
  arm: ArmClients,
  definitionId: string,
  listed: readonly GalleryImageVersion[],
  limit: Limiter,
  now: Date,
): Promise<RetentionVersion[]> {
  const p = galleryPathOf(definitionId)!;
  const client = arm.compute(p.subscriptionId);
  const versions = await Promise.all(
    listed.map((version) =>
      version.provisioningState === "Succeeded"
        ? version
        : limit(() =>
            client.galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName!, version.name!, {
              expand: "ReplicationStatus",
            }),
          ),
    ),
  );
  const latest = latestByRegion(versions, now);
  return versions.map((version) => retentionVersionOf(version, definitionId, latest));
}

/** The ids of the subscriptions the caller can list: the reach of the usage query. */
export async function readableSubscriptions(arm: ArmClients): Promise<string[]> {
  const subscriptions = await arm.rest.listAll<{ subscriptionId: string }>(API_SUBSCRIPTIONS);
  return subscriptions.map((s) => s.subscriptionId);
}

/**
 * The versions in the scope and what uses them. `subscriptionIds` bounds the usage query (every subscription the
 * caller can list when not given).
 */
export async function readRetentionInventory(
  arm: ArmClients,
  scope: RetentionScope,
  options: { now: Date; subscriptionIds?: readonly string[] },
): Promise<RetentionInventory> {
  const limit = createLimiter(READ_CONCURRENCY);
  const parsed = parseResourceId(scope.id)!;
  try {
    const client = arm.compute(parsed.subscriptionId);
    const galleries =
      scope.kind === "subscription"
        ? await collect(client.galleries.list())
        : [await client.galleries.get(parsed.resourceGroup!, parsed.gallery!)];
    const definitionIds = async () => {
      if (scope.kind === "definition") return [scope.id];
      const ids: string[] = [];
      for (const gallery of galleries) {
        const g = galleryPathOf(gallery.id!)!;
        const images = await collect(client.galleryImages.listByGallery(g.resourceGroupName, g.galleryName));
        for (const image of images)
          ids.push(galleryImageResourceId(g.subscriptionId, g.resourceGroupName, g.galleryName, image.name!));
      }
      return ids;
    };
    const subscriptionIds = options.subscriptionIds ?? (await readableSubscriptions(arm));
    const [listed, usage] = await Promise.all([
      listedVersions(arm, scope, definitionIds, limit),
      readImageUsage(arm, subscriptionIds, galleries.map(galleryReachOf)),
    ]);
    const versionLists = await Promise.all(
      [...listed.values()].map((versions) =>
        definitionVersions(arm, definitionIdOf(versions[0]!.id!), versions, limit, options.now),
      ),
    );
    return { versions: versionLists.flat(), usage };
  } catch (error) {
    throw toAzureError(error, scope.id);
  }
}

/** Deletes versions, or sets their end of life, through the Compute SDK, waiting for each operation to finish. */
export function armRetentionExecutor(arm: ArmClients): RetentionExecutor {
  const pathOf = (id: string) => {
    const p = galleryPathOf(id);
    if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
    return { ...p, imageName: p.imageName, versionName: p.versionName };
  };
  return {
    async deleteVersion(id) {
      const p = pathOf(id);
      await arm
        .compute(p.subscriptionId)
        .galleryImageVersions.delete(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
          updateIntervalInMs: 500,
        })
        .pollUntilDone();
    },
    async setEndOfLife(id, endOfLifeDate) {
      const p = pathOf(id);
      await arm
        .compute(p.subscriptionId)
        .galleryImageVersions.update(
          p.resourceGroupName,
          p.galleryName,
          p.imageName,
          p.versionName,
          { publishingProfile: { endOfLifeDate } },
          { updateIntervalInMs: 500 },
        )
        .pollUntilDone();
    },
  };
}
