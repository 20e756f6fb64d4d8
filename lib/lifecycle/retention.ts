import { compareVersionNames } from "@/lib/gallery/names";
import { deletionBlockedUntilEndOfLife } from "@/lib/gallery/galleryImageVersion";
import { parseIsoDate } from "@/lib/gallery/isoDate";
import { regionDisplayName } from "@/lib/gallery/regions";
import type { ImageConsumer } from "@/lib/lifecycle/usage";
import { ImageUsage } from "@/lib/lifecycle/usage";

/**
 * The retention engine: which image versions a policy deletes and why, and which it keeps and why. Pure, so the
 * dashboard's dry run, the headless CLI and the tests decide identically; reading and applying are elsewhere
 * (retentionArm.ts).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Keep the newest N versions of each definition whatever else applies. */
  keepNewest?: number;
  /** Delete versions whose end of life passed at least this many days ago. */
  endOfLifeAfterDays?: number;
  /** Delete versions published more than this many days ago. */
  olderThanDays?: number;
  /** Keep versions excluded from latest (often a release held back on purpose, or a pinned hotfix). */
  keepExcludedFromLatest?: boolean;
}

/** What the engine needs of an image version. */
export interface RetentionVersion {
  id: string;
  name: string;
  definitionId: string;
  publishedDate?: string;
  endOfLifeDate?: string;
  excludeFromLatest: boolean;
  blockDeletionBeforeEndOfLife: boolean;
  /** Target regions with their replica counts. */
  regions: readonly { name: string; regionalReplicaCount: number }[];
  /** The regions where it is `latest` now. */
  latestIn: readonly string[];
  /** OS disk plus data disks, GiB: what each replica stores. */
  sizeGB: number;
}

export type DeleteReason = "endOfLife" | "olderThan";
export type KeepReason = "newest" | "latest" | "inUse" | "protected" | "excludedFromLatest" | "notSelected";

export interface Reason<C extends string> {
  code: C;
  text: string;
}

export interface RetentionDecision {
  version: RetentionVersion;
  action: "delete" | "keep";
  /** Why it goes: set when the action is delete, and also when a protection overrode a rule. */
  deleteReasons: Reason<DeleteReason>[];
  /** Why it stays: set when the action is keep. */
  keepReasons: Reason<KeepReason>[];
  consumers: readonly ImageConsumer[];
  replicas: number;
  storageGB: number;
}

export interface RetentionPlan {
  policy: RetentionPolicy;
  /** When the plan was made; ages and end-of-life dates are measured from it. */
  at: string;
  decisions: RetentionDecision[];
  toDelete: RetentionDecision[];
  toKeep: RetentionDecision[];
  freed: { versions: number; replicas: number; storageGB: number };
}

export interface RetentionInput {
  versions: readonly RetentionVersion[];
  /** The consumers pinned to a version (see lib/lifecycle/usage.ts). */
  usage: Pick<ImageUsage, "ofVersion">;
  policy: RetentionPolicy;
  now: Date;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (date: Date) => date.toISOString().slice(0, 10);

function usageText(consumers: readonly ImageConsumer[]): string {
  const { virtualMachines, scaleSets } = ImageUsage.count(consumers);
  return `in use by ${plural(virtualMachines, "VM")} and ${plural(scaleSets, "scale set")}`;
}

function deleteReasons(version: RetentionVersion, policy: RetentionPolicy, now: number): Reason<DeleteReason>[] {
  const reasons: Reason<DeleteReason>[] = [];
  const endOfLife = version.endOfLifeDate ? parseIsoDate(version.endOfLifeDate) : undefined;
  if (policy.endOfLifeAfterDays !== undefined && endOfLife) {
    const daysPast = Math.floor((now - endOfLife.getTime()) / DAY_MS);
    if (endOfLife.getTime() <= now && daysPast >= policy.endOfLifeAfterDays)
      reasons.push({
        code: "endOfLife",
        text: `end of life ${day(endOfLife)}, ${plural(daysPast, "day")} ago (${policy.endOfLifeAfterDays} or more)`,
      });
  }
  const published = version.publishedDate ? parseIsoDate(version.publishedDate) : undefined;
  if (policy.olderThanDays !== undefined && published) {
    const age = Math.floor((now - published.getTime()) / DAY_MS);
    if (now - published.getTime() > policy.olderThanDays * DAY_MS)
      reasons.push({
        code: "olderThan",
        text: `published ${day(published)}, ${plural(age, "day")} ago (more than ${policy.olderThanDays})`,
      });
  }
  return reasons;
}

function keepReasons(
  version: RetentionVersion,
  rank: number,
  consumers: readonly ImageConsumer[],
  policy: RetentionPolicy,
  now: number,
): Reason<KeepReason>[] {
  const reasons: Reason<KeepReason>[] = [];
  if (policy.keepNewest !== undefined && rank < policy.keepNewest)
    reasons.push({ code: "newest", text: `one of the newest ${policy.keepNewest} of its definition` });
  if (version.latestIn.length > 0)
    reasons.push({ code: "latest", text: `latest in ${version.latestIn.map(regionDisplayName).join(", ")}` });
  if (consumers.length > 0) reasons.push({ code: "inUse", text: usageText(consumers) });
  const endOfLife = version.endOfLifeDate ? parseIsoDate(version.endOfLifeDate) : undefined;
  if (deletionBlockedUntilEndOfLife(version, now))
    reasons.push({
      code: "protected",
      text: endOfLife
        ? `blockDeletionBeforeEndOfLife until ${day(endOfLife)}`
        : "blockDeletionBeforeEndOfLife, and no end of life is set",
    });
  if (policy.keepExcludedFromLatest && version.excludeFromLatest)
    reasons.push({ code: "excludedFromLatest", text: "excluded from latest" });
  return reasons;
}

/** Replicas across the version's regions, and what they store. */
export function footprintOf(version: RetentionVersion): { replicas: number; storageGB: number } {
  const replicas = version.regions.reduce((sum, region) => sum + region.regionalReplicaCount, 0);
  return { replicas, storageGB: replicas * version.sizeGB };
}

/** Decides every version: deleted when a rule selects it and nothing protects it, kept otherwise, with the reasons. */
export function planRetention(input: RetentionInput): RetentionPlan {
  const now = input.now.getTime();
  const byDefinition = new Map<string, RetentionVersion[]>();
  for (const version of input.versions) {
    const key = version.definitionId.toLowerCase();
    const list = byDefinition.get(key) ?? [];
    list.push(version);
    byDefinition.set(key, list);
  }
  const decisions: RetentionDecision[] = [];
  for (const key of [...byDefinition.keys()].sort()) {
    const newestFirst = byDefinition.get(key)!.sort((a, b) => compareVersionNames(b.name, a.name));
    newestFirst.forEach((version, rank) => {
      const consumers = input.usage.ofVersion(version.id);
      const selected = deleteReasons(version, input.policy, now);
      const kept = keepReasons(version, rank, consumers, input.policy, now);
      const action = selected.length > 0 && kept.length === 0 ? "delete" : "keep";
      if (selected.length === 0 && kept.length === 0) kept.push({ code: "notSelected", text: "no rule selects it" });
      decisions.push({
        version,
        action,
        deleteReasons: selected,
        keepReasons: kept,
        consumers,
        ...footprintOf(version),
      });
    });
  }
  const toDelete = decisions.filter((d) => d.action === "delete");
  return {
    policy: input.policy,
    at: input.now.toISOString(),
    decisions,
    toDelete,
    toKeep: decisions.filter((d) => d.action === "keep"),
    freed: {
      versions: toDelete.length,
      replicas: toDelete.reduce((sum, d) => sum + d.replicas, 0),
      storageGB: toDelete.reduce((sum, d) => sum + d.storageGB, 0),
    },
  };
}

/** What applying does to each version the plan deletes: delete it, or (the gentler step) set its end of life. */
export type RetentionAction = "delete" | "setEndOfLife";

export interface RetentionExecutor {
  deleteVersion(versionId: string): Promise<void>;
  setEndOfLife(versionId: string, endOfLifeDate: Date): Promise<void>;
}

export interface RetentionOutcome {
  id: string;
  name: string;
  status: "deleted" | "endOfLifeSet" | "failed";
  error?: string;
}

export interface ApplyOptions {
  action: RetentionAction;
  /** The end of life set by `setEndOfLife`; the plan's time when not given. */
  endOfLifeDate?: Date;
  /** Versions worked on at once; ARM's write quota favours a few at a time. */
  concurrency?: number;
  onProgress?: (outcome: RetentionOutcome, done: number, total: number) => void;
}

function messageOf(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === "string") return typeof code === "string" ? `${code}: ${message}` : message;
  }
  return String(error);
}

/** Carries out the plan's deletions (exactly those), reporting each as it finishes; a failure does not stop the rest. */
export async function applyRetention(
  plan: RetentionPlan,
  executor: RetentionExecutor,
  options: ApplyOptions,
): Promise<RetentionOutcome[]> {
  const queue = [...plan.toDelete];
  const outcomes: RetentionOutcome[] = [];
  const endOfLife = options.endOfLifeDate ?? new Date(plan.at);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { id, name } = next.version;
      let outcome: RetentionOutcome;
      try {
        if (options.action === "delete") await executor.deleteVersion(id);
        else await executor.setEndOfLife(id, endOfLife);
        outcome = { id, name, status: options.action === "delete" ? "deleted" : "endOfLifeSet" };
      } catch (error) {
        outcome = { id, name, status: "failed", error: messageOf(error) };
      }
      outcomes.push(outcome);
      options.onProgress?.(outcome, outcomes.length, plan.toDelete.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return outcomes;
}
