import type { Gallery, GalleryImageVersion } from "@azure/arm-compute";
import { isActionAllowed } from "@/lib/access/permissions";
import type { ArmClients } from "@/lib/azure/clients";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { galleryImageResourceId, galleryResourceId, parseResourceId } from "@/lib/azure/resourceId";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { createLimiter, type Limiter } from "@/lib/inventory/limiter";
import { type LatestCandidate, resolveLatest } from "@/lib/gallery/latest";
import { effectiveTargetRegions, type RegionalReplicationStatus } from "@/lib/gallery/replication";
import { normalizeLocation } from "@/lib/gallery/regions";
import { readPermissions } from "@/lib/queries/access";
import { collect } from "@/lib/queries/collect";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";
import type { RetentionExecutor, RetentionVersion } from "@/lib/lifecycle/retention";
import { galleryReachOf, type ImageUsage, readImageUsage } from "@/lib/lifecycle/usage";

/**
 * Reading what the retention engine decides over, and carrying out its plan, through ARM: the same code for the
 * dashboard and the headless CLI, which differ only in the credential behind ArmClients.
 */

/**
 * A retention scope: an image definition, a gallery, a subscription (every gallery in it), or every gallery the
 * caller can write (`all`).
 */
export interface RetentionScope {
  kind: "definition" | "gallery" | "subscription" | "all";
  id: string;
}

/** The scope of every gallery the caller can write, as the CLI's `--scope` and the page's `?scope=` spell it. */
export const ALL_WRITABLE_SCOPE = "all";

export function parseRetentionScope(id: string): RetentionScope | undefined {
  if (id.trim().toLowerCase() === ALL_WRITABLE_SCOPE) return { kind: "all", id: ALL_WRITABLE_SCOPE };
  const parsed = parseResourceId(id);
  if (parsed?.kind === "galleryImage") return { kind: "definition", id: parsed.id };
  if (parsed?.kind === "gallery") return { kind: "gallery", id: parsed.id };
  if (parsed?.kind === "subscription") return { kind: "subscription", id: parsed.id };
  return undefined;
}

export interface RetentionInventory {
  versions: RetentionVersion[];
  usage: ImageUsage;
  /** The galleries the scope covers. */
  galleryIds: string[];
  /** Galleries the caller can read but not write (scope `all`): left out, and said so. */
  readOnlyGalleryIds: string[];
}

/** What retention does to versions: delete them, or (the gentler step) write their end of life. */
const RETENTION_ACTIONS = [
  "Microsoft.Compute/galleries/images/versions/delete",
  "Microsoft.Compute/galleries/images/versions/write",
];

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

/** The id prefix of the versions in a scope, as Resource Graph spells ids; none for `all`, whose galleries vary. */
function versionPrefix(scope: RetentionScope): string | undefined {
  if (scope.kind === "definition") return `${scope.id}/versions/`;
  if (scope.kind === "gallery") return `${scope.id}/images/`;
  if (scope.kind === "subscription") return `${scope.id}/`;
  return undefined;
}

function galleryIdOfVersion(versionId: string): string {
  const p = galleryPathOf(versionId)!;
  return galleryResourceId(p.subscriptionId, p.resourceGroupName, p.galleryName);
}

/**
 * Every version in the scope, by definition: one Resource Graph query, paged, rather than a list per definition (a
 * gallery of 10,000 versions is 200 pages of ARM's lists but 10 of Resource Graph's). When Resource Graph cannot
 * answer, the definitions are listed through ARM instead.
 */
async function listedVersions(
  arm: ArmClients,
  scope: RetentionScope,
  galleries: readonly Gallery[],
  definitionIds: () => Promise<string[]>,
  limit: Limiter,
): Promise<Map<string, GalleryImageVersion[]>> {
  const byDefinition = new Map<string, GalleryImageVersion[]>();
  const add = (definitionId: string, version: GalleryImageVersion) => {
    const key = definitionId.toLowerCase();
    const list = byDefinition.get(key);
    if (list) list.push(version);
    else byDefinition.set(key, [version]);
  };
  const prefix = versionPrefix(scope);
  if (prefix !== undefined && !/^[\w./() -]+$/.test(prefix))
    throw new Error(`'${scope.id}' cannot be part of a Resource Graph query.`);
  const query =
    "resources | where type =~ 'microsoft.compute/galleries/images/versions'" +
    (prefix ? ` and id startswith '${prefix}'` : "") +
    " | project id, name, location, properties";
  const inScope = new Set(galleries.map((g) => g.id!.toLowerCase()));
  const subscriptionIds = [...new Set(galleries.map((g) => parseResourceId(g.id!)!.subscriptionId.toLowerCase()))];
  try {
    const rows =
      subscriptionIds.length > 0 ? await queryResourceGraph<GraphVersionRow>(arm, subscriptionIds, query) : [];
    for (const row of rows) {
      // Scope `all` reads every version of the subscriptions: those of galleries the caller cannot write stay out.
      if (prefix === undefined && !inScope.has(galleryIdOfVersion(row.id).toLowerCase())) continue;
      add(definitionIdOf(row.id), versionFromGraphRow(row));
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

interface GraphGalleryRow {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  properties?: Pick<Gallery, "identifier" | "sharingProfile">;
}

const GALLERIES_QUERY =
  "resources | where type =~ 'microsoft.compute/galleries' | project id, name, location, subscriptionId, properties | order by id asc";

/** Whether the caller may delete versions and write their end of life at a scope; a refusal means no. */
async function mayApplyRetention(arm: ArmClients, scopeId: string): Promise<boolean> {
  try {
    const permissions = await readPermissions(arm, scopeId);
    return RETENTION_ACTIONS.every((action) => isActionAllowed(permissions, action));
  } catch (error) {
    if (error instanceof AzureError && (error.status === 403 || error.status === 404)) return false;
    throw error;
  }
}

/**
 * Every gallery the caller can read (Resource Graph) split by whether they may apply retention in it: their
 * permissions at each subscription first, which cover every gallery in it when they allow it, then at each gallery
 * of the others (a role assigned at a resource group or gallery does not show at the subscription).
 */
export async function writableGalleries(
  arm: ArmClients,
  subscriptionIds: readonly string[],
  limit: Limiter,
): Promise<{ writable: Gallery[]; readOnly: string[] }> {
  const rows =
    subscriptionIds.length > 0 ? await queryResourceGraph<GraphGalleryRow>(arm, subscriptionIds, GALLERIES_QUERY) : [];
  const subscriptions = [...new Set(rows.map((r) => r.subscriptionId.toLowerCase()))];
  const wholeSubscription = new Set(
    (
      await Promise.all(
        subscriptions.map(async (s) => ((await limit(() => mayApplyRetention(arm, `/subscriptions/${s}`))) ? s : "")),
      )
    ).filter(Boolean),
  );
  const allowed = await Promise.all(
    rows.map((row) =>
      wholeSubscription.has(row.subscriptionId.toLowerCase()) ? true : limit(() => mayApplyRetention(arm, row.id)),
    ),
  );
  const writable: Gallery[] = [];
  const readOnly: string[] = [];
  rows.forEach((row, i) => {
    if (allowed[i]) writable.push({ id: row.id, name: row.name, location: row.location, ...row.properties });
    else readOnly.push(row.id);
  });
  return { writable, readOnly };
}

/** The galleries a scope covers: read through ARM, or for `all` through Resource Graph and the caller's permissions. */
async function galleriesOf(
  arm: ArmClients,
  scope: RetentionScope,
  subscriptionIds: () => Promise<readonly string[]>,
  limit: Limiter,
): Promise<{ writable: Gallery[]; readOnly: string[] }> {
  if (scope.kind === "all") return writableGalleries(arm, await subscriptionIds(), limit);
  const parsed = parseResourceId(scope.id)!;
  const client = arm.compute(parsed.subscriptionId);
  const writable =
    scope.kind === "subscription"
      ? await collect(client.galleries.list())
      : [await client.galleries.get(parsed.resourceGroup!, parsed.gallery!)];
  return { writable, readOnly: [] };
}

/**
 * The versions in the scope and what uses them. `subscriptionIds` bounds the usage query, and for scope `all` the
 * galleries (every subscription the caller can list when not given).
 */
export async function readRetentionInventory(
  arm: ArmClients,
  scope: RetentionScope,
  options: { now: Date; subscriptionIds?: readonly string[] },
): Promise<RetentionInventory> {
  const limit = createLimiter(READ_CONCURRENCY);
  try {
    let readable: Promise<readonly string[]> | undefined;
    const subscriptionIds = () =>
      options.subscriptionIds ? Promise.resolve(options.subscriptionIds) : (readable ??= readableSubscriptions(arm));
    const { writable: galleries, readOnly } = await galleriesOf(arm, scope, subscriptionIds, limit);
    const definitionIds = async () => {
      if (scope.kind === "definition") return [scope.id];
      const lists = await Promise.all(
        galleries.map(async (gallery) => {
          const g = galleryPathOf(gallery.id!)!;
          const images = await limit(() =>
            collect(arm.compute(g.subscriptionId).galleryImages.listByGallery(g.resourceGroupName, g.galleryName)),
          );
          return images.map((image) =>
            galleryImageResourceId(g.subscriptionId, g.resourceGroupName, g.galleryName, image.name!),
          );
        }),
      );
      return lists.flat();
    };
    const [listed, usage] = await Promise.all([
      listedVersions(arm, scope, galleries, definitionIds, limit),
      subscriptionIds().then((ids) => readImageUsage(arm, ids, galleries.map(galleryReachOf))),
    ]);
    const versionLists = await Promise.all(
      [...listed.values()].map((versions) =>
        definitionVersions(arm, definitionIdOf(versions[0]!.id!), versions, limit, options.now),
      ),
    );
    return {
      versions: versionLists.flat(),
      usage,
      galleryIds: galleries.map((g) => g.id!),
      readOnlyGalleryIds: readOnly,
    };
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
