import type { Clock } from "../clock.js";
import { type ArmError, ArmErrors } from "../errors.js";
import { type Db, getMeta, setMeta } from "../store/db.js";
import { compilePathPattern, type FaultRule } from "./rules.js";
import { mulberry32 } from "./prng.js";

/**
 * Where a held long-running operation ends: far enough away that no test moves the clock past it, and still a
 * valid date for anything that formats it. Held operations are found again by this value, so they survive
 * restarts along with the rules that hold them.
 */
export const HELD_UNTIL = Date.UTC(9999, 11, 31);

const RULES_META = "faults.rules";
const DEFAULT_RETRY_AFTER_SECONDS = 1;

export interface FaultStats {
  /** ARM requests that matched at least one rule. */
  requestsMatched: number;
  delayed: number;
  throttled: number;
  internalErrors: number;
  unavailable: number;
  heldOperations: number;
  releasedOperations: number;
  replicationFailures: number;
}

export interface RequestFault {
  latencyMs: number;
  error?: ArmError;
}

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp;
  fired: number;
}

const emptyStats = (): FaultStats => ({
  requestsMatched: 0,
  delayed: 0,
  throttled: 0,
  internalErrors: 0,
  unavailable: 0,
  heldOperations: 0,
  releasedOperations: 0,
  replicationFailures: 0,
});

/**
 * The emulator's fault injection (`/_emulator/faults`). Rules are kept in the database so a restart keeps them
 * (and the operations they hold); what fired is counted per process. Decisions come from a seeded generator, so
 * a run with the same seed and the same request order injects the same faults.
 */
export class FaultInjector {
  private active: ActiveRule[] = [];
  private seed: number;
  private random: () => number;
  private stats = emptyStats();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    const stored = getMeta(db, RULES_META);
    const parsed = stored
      ? (JSON.parse(stored) as { seed: number; rules: FaultRule[] })
      : { seed: randomSeed(), rules: [] };
    this.seed = parsed.seed;
    this.random = mulberry32(this.seed);
    this.active = parsed.rules.map((rule) => ({ rule, regex: compilePathPattern(rule.pathPattern), fired: 0 }));
  }

  /** Replaces every rule; operations no remaining rule holds finish now. */
  replaceAll(rules: FaultRule[], seed?: number): void {
    this.seed = seed ?? randomSeed();
    this.random = mulberry32(this.seed);
    this.stats = emptyStats();
    this.active = rules.map((rule) => ({ rule, regex: compilePathPattern(rule.pathPattern), fired: 0 }));
    this.persistAndRelease();
  }

  /** Adds a rule, or replaces the one of the same name (its count starts again). */
  upsert(rule: FaultRule): void {
    const entry = { rule, regex: compilePathPattern(rule.pathPattern), fired: 0 };
    const index = this.active.findIndex((a) => a.rule.name === rule.name);
    if (index >= 0) this.active[index] = entry;
    else this.active.push(entry);
    this.persistAndRelease();
  }

  /** Removes a rule by name; false when there was none. */
  remove(name: string): boolean {
    const before = this.active.length;
    this.active = this.active.filter((a) => a.rule.name !== name);
    if (this.active.length === before) return false;
    this.persistAndRelease();
    return true;
  }

  clear(): void {
    this.replaceAll([]);
  }

  rule(name: string) {
    const a = this.active.find((entry) => entry.rule.name === name);
    return a && { ...a.rule, fired: a.fired };
  }

  view() {
    return {
      seed: this.seed,
      rules: this.active.map((a) => ({ ...a.rule, fired: a.fired })),
      stats: { ...this.stats },
    };
  }

  /** What happens to an ARM request: added latency, and the error it gets instead of an answer, if any. */
  onRequest(method: string, path: string, requestId: string): RequestFault {
    let latencyMs = 0;
    let error: ArmError | undefined;
    let matched = false;
    for (const a of this.active) {
      if (a.rule.latencyMs === undefined && a.rule.status === undefined) continue;
      if (a.rule.method && !a.rule.method.includes(method.toUpperCase())) continue;
      if (!a.regex.test(path)) continue;
      matched = true;
      if (!this.fires(a)) continue;
      if (a.rule.latencyMs) {
        latencyMs += a.rule.latencyMs;
        this.stats.delayed++;
      }
      if (a.rule.status !== undefined && !error) error = this.errorFor(a.rule, requestId);
    }
    if (matched) this.stats.requestsMatched++;
    return { latencyMs, error };
  }

  /**
   * The hook the replication model consults for each target region it plans: a failure to inject, with when it
   * happens after the region starts (omitted: the model's own timing).
   */
  replicationFailure(versionId: string, region: string): { details: string; afterMs?: number } | undefined {
    const key = versionId.toLowerCase();
    const wanted = normalizeRegion(region);
    for (const a of this.active) {
      const failure = a.rule.replicationFailure;
      if (!failure || normalizeRegion(failure.region) !== wanted || !a.regex.test(key)) continue;
      if (!this.fires(a)) continue;
      this.stats.replicationFailures++;
      return {
        details: failure.details,
        ...(failure.afterSeconds !== undefined ? { afterMs: failure.afterSeconds * 1000 } : {}),
      };
    }
    return undefined;
  }

  /** Whether a long-running operation starting now on `resourceKey` is to stay InProgress. */
  holdsNewOperation(resourceKey: string): boolean {
    const key = resourceKey.toLowerCase();
    const hit = this.active.find((a) => a.rule.stayInProgress && a.regex.test(key) && this.fires(a));
    if (hit) this.stats.heldOperations++;
    return hit !== undefined;
  }

  private fires(a: ActiveRule): boolean {
    if (a.rule.count !== undefined && a.fired >= a.rule.count) return false;
    if (a.rule.rate < 1 && this.random() >= a.rule.rate) return false;
    a.fired++;
    return true;
  }

  private errorFor(rule: FaultRule, requestId: string): ArmError {
    switch (rule.status) {
      case 429:
        this.stats.throttled++;
        return ArmErrors.tooManyRequests(rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
      case 503:
        this.stats.unavailable++;
        return ArmErrors.serviceUnavailable(rule.retryAfterSeconds);
      default:
        this.stats.internalErrors++;
        return ArmErrors.internal(requestId);
    }
  }

  private persistAndRelease(): void {
    this.db.transaction(() => {
      setMeta(this.db, RULES_META, JSON.stringify({ seed: this.seed, rules: this.active.map((a) => a.rule) }));
      this.stats.releasedOperations += releaseHeldOperations(this.db, this.clock.now(), (key) =>
        this.active.some((a) => a.rule.stayInProgress && a.regex.test(key)),
      );
    })();
  }
}

/**
 * Lets held operations finish now, unless a rule still holds their resource: the operation record, and the copy
 * of it a resource keeps in `state.operation` (from which its provisioningState is read), and the time a held
 * delete makes the resource gone.
 */
function releaseHeldOperations(db: Db, now: number, stillHeld: (resourceKey: string) => boolean): number {
  const held = db.prepare("SELECT operation_id, resource_key FROM operations WHERE ends_at = ?").all(HELD_UNTIL) as {
    operation_id: string;
    resource_key: string;
  }[];
  const endOperation = db.prepare("UPDATE operations SET ends_at = ? WHERE operation_id = ?");
  const endOnResource = db.prepare(
    `UPDATE resources SET state = json_set(state, '$.operation.endsAt', @now),
       gone_at = CASE WHEN gone_at = @held THEN @now ELSE gone_at END
     WHERE key = @key AND json_extract(state, '$.operation.operationId') = @operationId`,
  );
  let released = 0;
  for (const op of held) {
    if (stillHeld(op.resource_key)) continue;
    endOperation.run(now, op.operation_id);
    endOnResource.run({ now, held: HELD_UNTIL, key: op.resource_key, operationId: op.operation_id });
    released++;
  }
  return released;
}

function normalizeRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, "");
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
