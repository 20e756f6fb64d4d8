import { parseResourceId } from "@/lib/azure/resourceId";
import { parseIsoDate } from "@/lib/gallery/isoDate";
import { resolveLatest, type LatestCandidate } from "@/lib/gallery/latest";
import type { GalleryLimitKind, LimitUsage } from "@/lib/gallery/limits";
import { regionDisplayName, normalizeLocation } from "@/lib/gallery/regions";
import { effectiveTargetRegions, regionReadiness, type RegionalReplicationStatus } from "@/lib/gallery/replication";
import { purgeTimeOf } from "@/lib/gallery/softDelete";
import { REPLICATION_FIX } from "@/lib/gallery/troubleshooting";
import type { ExecutedValidation } from "@/lib/gallery/versionValidation";
import { type ImageConsumer, ImageUsage } from "@/lib/lifecycle/usage";

/**
 * What in the galleries a user can read needs a person: regions whose replication failed or runs far longer than
 * expected, `latest` past end of life in a region, versions in use past end of life, flagged or failed-validation
 * versions, and subscriptions and regions near the service's limits. Each item says where and what to do.
 */

/** An image version as Resource Graph returns it, with `replicationStatus` where it was read ($expand). */
export interface AttentionVersion {
  id: string;
  name: string;
  location: string;
  properties?: {
    provisioningState?: string;
    publishingProfile?: {
      targetRegions?: { name: string; excludeFromLatest?: boolean }[];
      excludeFromLatest?: boolean;
      endOfLifeDate?: string;
      publishedDate?: string;
    };
    safetyProfile?: {
      reportedForPolicyViolation?: boolean;
      policyViolations?: { category?: string; details?: string }[];
    };
    replicationStatus?: { summary?: RegionalReplicationStatus[] };
    validationsProfile?: { executedValidations?: Partial<ExecutedValidation>[] };
  };
}

/** Usage of one limit in one subscription and region (lib/queries/galleryUsage.ts). */
export interface AttentionUsage {
  subscriptionId: string;
  subscriptionName?: string;
  location: string;
  usages: Record<GalleryLimitKind, LimitUsage>;
}

/**
 * What uses each version, for "versions in use past end of life": the usage query of lib/lifecycle/usage.ts
 * (Resource Graph over VMs' and scale sets' imageReference). Without it the rule reports nothing.
 */
export type VersionUsageLookup = Pick<ImageUsage, "ofVersion">;

/** A soft-deleted image version (GallerySoftDeletedResource) of a gallery with soft delete on. */
export interface SoftDeletedVersion {
  /** `…/galleries/{g}/softDeletedArtifactTypes/Images/artifacts/{definition}/versions/{version}` */
  id: string;
  name: string;
  softDeletedTime: string;
}

/** A soft-deleted version is listed this long before it is purged. */
export const PURGE_WARNING_MS = 2 * 24 * 60 * 60 * 1000;

export interface AttentionInput {
  now: Date;
  versions: readonly AttentionVersion[];
  softDeleted?: readonly SoftDeletedVersion[];
  usage?: readonly AttentionUsage[];
  versionUsage?: VersionUsageLookup;
}

export type AttentionKind =
  | "replicationFailed"
  | "replicationStalled"
  | "latestPastEndOfLife"
  | "inUsePastEndOfLife"
  | "policyViolation"
  | "validationFailed"
  | "limitNearlyReached"
  | "purgeSoon";

export interface AttentionItem {
  kind: AttentionKind;
  severity: "error" | "warning";
  /** What is wrong, in a sentence. */
  title: string;
  /** The resource the item is about: a version, a definition, or a subscription for limits. */
  resourceId: string;
  /** gallery/definition/version, or the subscription's name, for the link text. */
  where: string;
  regions?: string[];
  fix: string;
}

const LIMIT_NAMES: Record<GalleryLimitKind, string> = {
  galleries: "galleries",
  imageDefinitions: "image definitions",
  imageVersions: "image versions",
};

function whereOf(id: string): string {
  const parsed = parseResourceId(id);
  return [parsed?.gallery, parsed?.galleryImage, parsed?.galleryImageVersion].filter(Boolean).join("/") || id;
}

function definitionIdOf(versionId: string): string {
  return versionId.replace(/\/versions\/[^/]+$/i, "");
}

function regionsText(regions: readonly string[]): string {
  return regions.map(regionDisplayName).join(", ");
}

/**
 * The replication summary a version has or, when it was not read, what its provisioningState implies: a version
 * Succeeded has completed in every target region (replication is part of its create or update).
 */
function replicationOf(version: AttentionVersion): RegionalReplicationStatus[] | undefined {
  const summary = version.properties?.replicationStatus?.summary;
  if (summary) return summary;
  if (version.properties?.provisioningState !== "Succeeded") return undefined;
  return effectiveTargetRegions({
    location: version.location,
    publishingProfile: version.properties.publishingProfile ?? {},
  }).map((region) => ({ region: region.name, state: "Completed" as const, progress: 100 }));
}

function replicationItems(version: AttentionVersion, now: Date): AttentionItem[] {
  const summary = version.properties?.replicationStatus?.summary ?? [];
  const publishedDate = version.properties?.publishingProfile?.publishedDate;
  const startedAt = publishedDate ? parseIsoDate(publishedDate) : undefined;
  const failed = summary.filter((r) => r.state === "Failed");
  const stalled = summary.filter(
    (r) => r.state === "Replicating" && regionReadiness(r, now, startedAt).kind === "stalled",
  );
  const items: AttentionItem[] = [];
  if (failed.length > 0 || (summary.length === 0 && version.properties?.provisioningState === "Failed")) {
    const details = failed.map((r) => r.details).filter(Boolean);
    items.push({
      kind: "replicationFailed",
      severity: "error",
      title:
        failed.length > 0
          ? `Replication failed in ${regionsText(failed.map((r) => r.region))}.${details.length ? ` ${details.join(" ")}` : ""}`
          : "The version's create or update failed.",
      resourceId: version.id,
      where: whereOf(version.id),
      regions: failed.map((r) => normalizeLocation(r.region)),
      fix: REPLICATION_FIX,
    });
  }
  if (stalled.length > 0)
    items.push({
      kind: "replicationStalled",
      severity: "warning",
      title: `Replication to ${regionsText(stalled.map((r) => r.region))} has been running for more than six hours.`,
      resourceId: version.id,
      where: whereOf(version.id),
      regions: stalled.map((r) => normalizeLocation(r.region)),
      fix: REPLICATION_FIX,
    });
  return items;
}

function safetyItems(version: AttentionVersion): AttentionItem[] {
  const items: AttentionItem[] = [];
  const safety = version.properties?.safetyProfile;
  if (safety?.reportedForPolicyViolation) {
    const categories = [...new Set((safety.policyViolations ?? []).map((v) => v.category).filter(Boolean))];
    items.push({
      kind: "policyViolation",
      severity: "error",
      title: `Reported for a policy violation${categories.length ? ` (${categories.join(", ")})` : ""}.`,
      resourceId: version.id,
      where: whereOf(version.id),
      fix: "Read the violation on the version's page; replace the version with a corrected one and delete or exclude this one from latest.",
    });
  }
  const failed = (version.properties?.validationsProfile?.executedValidations ?? []).filter(
    (v) => v.status === "Failed",
  );
  if (failed.length > 0)
    items.push({
      kind: "validationFailed",
      severity: "error",
      title: `Failed validation: ${failed.map((v) => v.type).join(", ")}.`,
      resourceId: version.id,
      where: whereOf(version.id),
      fix: "Publish a version built from a source that passes the validation (for Trusted Launch: a Gen2 image with secure boot support).",
    });
  return items;
}

function pastEndOfLife(version: AttentionVersion, now: Date): boolean {
  const date = version.properties?.publishingProfile?.endOfLifeDate;
  const parsed = date ? parseIsoDate(date) : undefined;
  return parsed !== undefined && parsed.getTime() < now.getTime();
}

function latestItems(versions: readonly AttentionVersion[], now: Date): AttentionItem[] {
  const byDefinition = new Map<string, AttentionVersion[]>();
  for (const version of versions) {
    const key = definitionIdOf(version.id).toLowerCase();
    byDefinition.set(key, [...(byDefinition.get(key) ?? []), version]);
  }
  const items: AttentionItem[] = [];
  for (const group of byDefinition.values()) {
    if (!group.some((v) => pastEndOfLife(v, now))) continue;
    const candidates: LatestCandidate[] = group.map((v) => ({
      name: v.name,
      location: v.location,
      publishingProfile: v.properties?.publishingProfile,
      replicationStatus: { summary: replicationOf(v) ?? [] },
    }));
    const regions = new Set(candidates.flatMap((c) => effectiveTargetRegions(c).map((r) => normalizeLocation(r.name))));
    const latestPastEol = new Map<string, string[]>();
    for (const region of regions) {
      const resolution = resolveLatest(candidates, region, now);
      if (resolution.latest && resolution.latestIsPastEndOfLife)
        latestPastEol.set(resolution.latest, [...(latestPastEol.get(resolution.latest) ?? []), region]);
    }
    for (const [name, inRegions] of latestPastEol) {
      const version = group.find((v) => v.name === name)!;
      const sorted = [...inRegions].sort();
      items.push({
        kind: "latestPastEndOfLife",
        severity: "warning",
        title: `latest is ${name}, past its end of life (${version.properties!.publishingProfile!.endOfLifeDate!.slice(0, 10)}), in ${regionsText(sorted)}.`,
        resourceId: version.id,
        where: whereOf(version.id),
        regions: sorted,
        fix: "Publish a newer version to these regions, or move the end-of-life date if this version is still supported.",
      });
    }
  }
  return items;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "2 VMs (web-01, web-02) and 1 scale set (web-ss)": the names of the first few of each. */
function consumersText(consumers: readonly ImageConsumer[]): string {
  const NAMED = 3;
  const part = (type: ImageConsumer["type"], one: string) => {
    const names = consumers.filter((c) => c.type === type).map((c) => c.name);
    if (names.length === 0) return undefined;
    const more = names.length > NAMED ? `, and ${names.length - NAMED} more` : "";
    return `${plural(names.length, one)} (${names.slice(0, NAMED).join(", ")}${more})`;
  };
  return [part("virtualMachine", "VM"), part("virtualMachineScaleSet", "scale set")].filter(Boolean).join(" and ");
}

function inUseItems(versions: readonly AttentionVersion[], now: Date, usage: VersionUsageLookup): AttentionItem[] {
  return versions.flatMap((version): AttentionItem[] => {
    if (!pastEndOfLife(version, now)) return [];
    const consumers = usage.ofVersion(version.id);
    if (consumers.length === 0) return [];
    const { scaleSets } = ImageUsage.count(consumers);
    return [
      {
        kind: "inUsePastEndOfLife",
        severity: "warning",
        title: `Past its end of life (${version.properties!.publishingProfile!.endOfLifeDate!.slice(0, 10)}) and still used by ${consumersText(consumers)}.`,
        resourceId: version.id,
        where: whereOf(version.id),
        fix:
          scaleSets > 0
            ? "Move these VMs and scale sets to a supported version: update each scale set's model to a newer version (or its definition, to follow latest) and reimage; redeploy the VMs."
            : "Move these VMs to a supported version (redeploy them from a newer one), or move the end-of-life date if this version is still supported.",
      },
    ];
  });
}

function limitItems(usage: readonly AttentionUsage[]): AttentionItem[] {
  return usage.flatMap((entry) =>
    (Object.values(entry.usages) as LimitUsage[])
      .filter((u) => u.warning)
      .map((u): AttentionItem => ({
        kind: "limitNearlyReached",
        severity: u.atLimit ? "error" : "warning",
        title: `${u.used} of ${u.limit} ${LIMIT_NAMES[u.kind]} in ${regionDisplayName(entry.location)} (${Math.round(u.ratio * 100)}%).`,
        resourceId: `/subscriptions/${entry.subscriptionId}`,
        where: entry.subscriptionName ?? entry.subscriptionId,
        regions: [normalizeLocation(entry.location)],
        fix:
          u.kind === "imageVersions"
            ? "Delete versions past end of life that nothing uses, or ask for a quota increase for the subscription and region."
            : `Remove ${LIMIT_NAMES[u.kind]} no longer used, or ask for a quota increase for the subscription and region.`,
      })),
  );
}

/** The definition a soft-deleted version belongs to: its page is where it is restored. */
function definitionOfSoftDeleted(id: string): string {
  return id.replace(/\/softDeletedArtifactTypes\/Images\/artifacts\/([^/]+)\/versions\/[^/]+$/i, "/images/$1");
}

function purgeItems(softDeleted: readonly SoftDeletedVersion[], now: Date): AttentionItem[] {
  return softDeleted.flatMap((version): AttentionItem[] => {
    const deletedAt = parseIsoDate(version.softDeletedTime);
    if (!deletedAt) return [];
    const purgeAt = purgeTimeOf(deletedAt);
    if (purgeAt.getTime() - now.getTime() > PURGE_WARNING_MS || purgeAt.getTime() <= now.getTime()) return [];
    const definitionId = definitionOfSoftDeleted(version.id);
    return [
      {
        kind: "purgeSoon",
        severity: "warning",
        title: `Soft-deleted; purged for good on ${purgeAt.toISOString().slice(0, 16).replace("T", " ")} UTC unless restored.`,
        resourceId: definitionId,
        where: `${whereOf(definitionId)}/${version.name}`,
        fix: "Restore the version from its definition's soft-deleted versions if it is still needed; otherwise nothing to do.",
      },
    ];
  });
}

const ORDER: Record<AttentionItem["severity"], number> = { error: 0, warning: 1 };

/** Every item that needs a person, errors first, then by where they are. */
export function needsAttention(input: AttentionInput): AttentionItem[] {
  const items = [
    ...input.versions.flatMap((v) => [...replicationItems(v, input.now), ...safetyItems(v)]),
    ...latestItems(input.versions, input.now),
    ...(input.versionUsage ? inUseItems(input.versions, input.now, input.versionUsage) : []),
    ...limitItems(input.usage ?? []),
    ...purgeItems(input.softDeleted ?? [], input.now),
  ];
  return items.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.where.localeCompare(b.where));
}

/** Versions whose replication state Resource Graph does not carry and must be read ($expand=ReplicationStatus). */
export function versionsToExpand(versions: readonly AttentionVersion[]): AttentionVersion[] {
  return versions.filter((v) => v.properties?.provisioningState !== "Succeeded" && !v.properties?.replicationStatus);
}
