import { z } from "zod";
import { ArmErrors } from "../errors.js";

/**
 * A fault rule: what to break, where, and how often. A rule takes part in an event when it has an effect for
 * it (`latencyMs`/`status` for ARM requests, `stayInProgress` for new long-running operations,
 * `replicationFailure` for an image version's target regions); on each event it fires with probability `rate`,
 * at most `count` times.
 */
export interface FaultRule {
  name: string;
  /**
   * Matched against the whole ARM path (no query, case-insensitive): a glob (`*` within one segment, `**`
   * across segments, `?` one character) or, prefixed with `regex:`, a regular expression.
   */
  pathPattern: string;
  /** Only these methods (any when omitted). */
  method?: string[];
  latencyMs?: number;
  status?: 429 | 500 | 503;
  rate: number;
  /** Sent as Retry-After with a 429 (1 s when omitted) or a 503 (none when omitted). */
  retryAfterSeconds?: number;
  /** Fires at most this many times; then the rule stays listed but inert. */
  count?: number;
  /** New long-running operations on matching resources stay InProgress until the rule is removed. */
  stayInProgress?: boolean;
  /** Image versions on matching paths fail to replicate to `region` with `details`. */
  replicationFailure?: { region: string; details: string; afterSeconds?: number };
}

export const DEFAULT_REPLICATION_FAILURE_DETAILS =
  "Replication failed in this region due to 'The storage account used for replication is unavailable in this region. Please retry the operation.'.";

const METHODS = ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"] as const;

const ruleSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    pathPattern: z.string().min(1).max(4000),
    method: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    latencyMs: z.number().int().min(0).max(300_000).optional(),
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    rate: z.number().min(0).max(1).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    count: z.number().int().min(1).optional(),
    stayInProgress: z.boolean().optional(),
    replicationFailure: z
      .object({
        region: z.string().min(1),
        details: z.string().min(1).max(4000).optional(),
        afterSeconds: z
          .number()
          .min(0)
          .max(365 * 24 * 3600)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Validates one rule as a client sent it; `fallbackName` names rules sent without one. */
export function parseRule(input: unknown, fallbackName: string, target = "rule"): FaultRule {
  const result = ruleSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = [target, ...issue.path.map(String)].join(".");
    throw ArmErrors.invalidParameter(path, `The fault rule is invalid at '${path}': ${issue.message}.`);
  }
  const r = result.data;
  const methods =
    r.method === undefined ? undefined : (Array.isArray(r.method) ? r.method : [r.method]).map((m) => m.toUpperCase());
  const unknown = methods?.find((m) => !(METHODS as readonly string[]).includes(m));
  if (unknown)
    throw ArmErrors.invalidParameter(
      `${target}.method`,
      `The fault rule's method '${unknown}' is not one of ${METHODS.join(", ")}.`,
    );
  if (r.latencyMs === undefined && r.status === undefined && !r.stayInProgress && !r.replicationFailure) {
    throw ArmErrors.invalidParameter(
      target,
      "A fault rule needs at least one of latencyMs, status, stayInProgress or replicationFailure.",
    );
  }
  compilePathPattern(r.pathPattern, `${target}.pathPattern`);
  return {
    name: r.name ?? fallbackName,
    pathPattern: r.pathPattern,
    ...(methods ? { method: methods } : {}),
    ...(r.latencyMs !== undefined ? { latencyMs: r.latencyMs } : {}),
    ...(r.status !== undefined ? { status: r.status } : {}),
    rate: r.rate ?? 1,
    ...(r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {}),
    ...(r.count !== undefined ? { count: r.count } : {}),
    ...(r.stayInProgress ? { stayInProgress: true } : {}),
    ...(r.replicationFailure
      ? {
          replicationFailure: {
            region: r.replicationFailure.region,
            details: r.replicationFailure.details ?? DEFAULT_REPLICATION_FAILURE_DETAILS,
            ...(r.replicationFailure.afterSeconds !== undefined
              ? { afterSeconds: r.replicationFailure.afterSeconds }
              : {}),
          },
        }
      : {}),
  };
}

const REGEX_PREFIX = "regex:";

/** The pattern as a case-insensitive regular expression over the whole path. */
export function compilePathPattern(pattern: string, target = "pathPattern"): RegExp {
  if (pattern.startsWith(REGEX_PREFIX)) {
    try {
      return new RegExp(pattern.slice(REGEX_PREFIX.length), "i");
    } catch (e) {
      throw ArmErrors.invalidParameter(
        target,
        `The fault rule's pathPattern is not a valid regular expression: ${(e as Error).message}.`,
      );
    }
  }
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}
