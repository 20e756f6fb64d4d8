import { parseArgs } from "node:util";
import type { ArmClients } from "@/lib/azure/clients";
import { galleryPathOf } from "@/lib/azure/routeParams";
import {
  applyRetention,
  planRetention,
  type RetentionDecision,
  type RetentionOutcome,
  type RetentionPlan,
  type RetentionPolicy,
} from "@/lib/lifecycle/retention";
import { armRetentionExecutor, parseRetentionScope, readRetentionInventory } from "@/lib/lifecycle/retentionArm";
import { retentionPolicySchema } from "@/lib/lifecycle/retentionForm";

/**
 * `gallerist retention plan|apply`: the dashboard's retention engine, headless, so a nightly pipeline applies the
 * same policy. `plan` prints what would go and what stays and why; `apply` carries the plan out (or sets an end of
 * life instead) and exits non-zero when any version failed.
 */

export const RETENTION_USAGE = `Usage: gallerist retention plan|apply --scope <id> [options]

  --scope <id>|all               an image definition, gallery or subscription resource id, or 'all':
                                 every gallery this identity can write (delete and write image versions)
  --keep <N>                     keep the newest N versions of each definition
  --older-than <days>            delete versions published more than <days> ago
  --end-of-life-after <days>     delete versions whose end of life passed <days> or more ago
  --keep-excluded-from-latest    keep versions excluded from latest
  --set-end-of-life <date|now>   apply: set this end of life (ISO 8601) instead of deleting
  --output table|json            default table
  --arm-endpoint <url>           default $ARM_ENDPOINT or https://management.azure.com

Signs in with DefaultAzureCredential (@azure/identity) or the service principal in AZURE_TENANT_ID,
AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (and AZURE_AUTHORITY_HOST for the emulator).
Exit codes: 0 done, 1 something failed, 2 bad arguments.`;

export interface RetentionCommand {
  mode: "plan" | "apply";
  scope: string;
  policy: RetentionPolicy;
  output: "table" | "json";
  endOfLife?: Date;
  armEndpoint?: string;
}

export class UsageError extends Error {
  override name = "UsageError";
}

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return Number.NaN;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not '${value}'.`);
  return Number(value);
}

export function parseRetentionCommand(argv: readonly string[]): RetentionCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      scope: { type: "string" },
      keep: { type: "string" },
      "older-than": { type: "string" },
      "end-of-life-after": { type: "string" },
      "keep-excluded-from-latest": { type: "boolean" },
      "set-end-of-life": { type: "string" },
      output: { type: "string", default: "table" },
      "arm-endpoint": { type: "string" },
    },
  });
  const [mode, ...extra] = positionals;
  if ((mode !== "plan" && mode !== "apply") || extra.length > 0) throw new UsageError("Say 'plan' or 'apply'.");
  if (!values.scope || !parseRetentionScope(values.scope))
    throw new UsageError("--scope must be an image definition, gallery or subscription resource id, or 'all'.");
  if (values.output !== "table" && values.output !== "json") throw new UsageError("--output is table or json.");
  const policy = retentionPolicySchema.safeParse({
    keepNewest: count(values.keep, "--keep"),
    olderThanDays: count(values["older-than"], "--older-than"),
    endOfLifeAfterDays: count(values["end-of-life-after"], "--end-of-life-after"),
    keepExcludedFromLatest: values["keep-excluded-from-latest"] ?? false,
  });
  if (!policy.success) throw new UsageError(policy.error.issues.map((i) => i.message).join(" "));
  let endOfLife: Date | undefined;
  if (values["set-end-of-life"] !== undefined) {
    if (mode !== "apply") throw new UsageError("--set-end-of-life is for apply.");
    endOfLife = values["set-end-of-life"] === "now" ? new Date() : new Date(values["set-end-of-life"]);
    if (Number.isNaN(endOfLife.getTime())) throw new UsageError("--set-end-of-life takes an ISO 8601 date.");
  }
  return {
    mode,
    scope: values.scope,
    policy: policy.data,
    output: values.output,
    ...(endOfLife ? { endOfLife } : {}),
    ...(values["arm-endpoint"] ? { armEndpoint: values["arm-endpoint"] } : {}),
  };
}

const gib = (n: number) => `${n.toLocaleString("en")} GiB`;

/** `definition version`, or `gallery/definition version` when the plan spans galleries. */
function versionLabel(id: string, withGallery: boolean): string {
  const p = galleryPathOf(id)!;
  return `${withGallery ? `${p.galleryName}/` : ""}${p.imageName} ${p.versionName}`;
}

function decisionRow(d: RetentionDecision, withGallery: boolean): string[] {
  const why = d.action === "delete" ? d.deleteReasons : d.keepReasons;
  return [
    d.action === "delete" ? "DELETE" : "keep",
    versionLabel(d.version.id, withGallery),
    `${d.version.regions.length}×${d.replicas}`,
    gib(d.storageGB),
    why.map((r) => r.text).join("; "),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "))
    .join("\n");
}

export function formatPlanTable(plan: RetentionPlan): string {
  const header = ["ACTION", "VERSION", "REGIONS×REPLICAS", "STORAGE", "WHY"];
  const galleries = new Set(plan.decisions.map((d) => galleryPathOf(d.version.id)!.galleryName.toLowerCase()));
  const rows = plan.decisions.map((d) => decisionRow(d, galleries.size > 1));
  const summary = `${plan.freed.versions} to delete, freeing ${plan.freed.replicas} replicas and ${gib(plan.freed.storageGB)}; ${plan.toKeep.length} kept.`;
  return `${table([header, ...rows])}\n\n${summary}`;
}

export function planJson(plan: RetentionPlan) {
  return {
    at: plan.at,
    policy: plan.policy,
    freed: plan.freed,
    decisions: plan.decisions.map((d) => ({
      id: d.version.id,
      definitionId: d.version.definitionId,
      name: d.version.name,
      action: d.action,
      deleteReasons: d.deleteReasons,
      keepReasons: d.keepReasons,
      regions: d.version.regions,
      replicas: d.replicas,
      storageGB: d.storageGB,
      consumers: d.consumers.map((c) => c.id),
    })),
  };
}

export interface RetentionIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
}

/** Runs the command; the exit code. */
export async function runRetention(command: RetentionCommand, arm: ArmClients, io: RetentionIo): Promise<number> {
  const now = io.now();
  const inventory = await readRetentionInventory(arm, parseRetentionScope(command.scope)!, { now });
  const plan = planRetention({ ...inventory, policy: command.policy, now });
  const readOnly = inventory.readOnlyGalleryIds;
  const reach = [
    `Usage counted in the ${inventory.usage.subscriptionCount} subscriptions this identity can read; consumers elsewhere are not counted.`,
    ...(readOnly.length > 0
      ? [
          `Left out: ${readOnly.length} ${readOnly.length === 1 ? "gallery" : "galleries"} this identity can read but not write (${readOnly.map((id) => id.split("/").pop()).join(", ")}).`,
        ]
      : []),
  ].join("\n");
  const scope = { scope: command.scope, galleries: inventory.galleryIds, readOnlyGalleries: readOnly };
  if (command.mode === "plan") {
    io.out(
      command.output === "json"
        ? JSON.stringify({ ...scope, ...planJson(plan) }, null, 2)
        : `${formatPlanTable(plan)}\n${reach}`,
    );
    return 0;
  }
  const outcomes: RetentionOutcome[] = await applyRetention(plan, armRetentionExecutor(arm), {
    action: command.endOfLife ? "setEndOfLife" : "delete",
    ...(command.endOfLife ? { endOfLifeDate: command.endOfLife } : {}),
    onProgress: (o, done, total) => {
      if (command.output === "table")
        io.err(`[${done}/${total}] ${versionLabel(o.id, true)}: ${o.status}${o.error ? ` — ${o.error}` : ""}`);
    },
  });
  const failed = outcomes.filter((o) => o.status === "failed").length;
  if (command.output === "json") io.out(JSON.stringify({ ...scope, ...planJson(plan), outcomes }, null, 2));
  else io.out(`${formatPlanTable(plan)}\n${reach}\n${outcomes.length - failed} done, ${failed} failed.`);
  return failed > 0 ? 1 : 0;
}
