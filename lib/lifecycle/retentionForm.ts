import { z } from "zod";
import type { RetentionPolicy } from "@/lib/lifecycle/retention";

/**
 * A retention policy as the dashboard's form and the CLI's flags give it: whole numbers of days and versions, an
 * empty field (NaN from a number input) meaning "no such rule", and at least one rule that selects versions.
 */

const optionalCount = (what: string) =>
  z.union([z.nan(), z.number().int(`${what} is a whole number.`).min(0, `${what} cannot be negative.`).max(100_000)]);

export const NO_SELECTING_RULE = "Give a number of days for at least one rule: without one, nothing is selected.";

export const retentionPolicySchema = z
  .object({
    keepNewest: optionalCount("Keep newest"),
    olderThanDays: optionalCount("Older than"),
    endOfLifeAfterDays: optionalCount("End of life after"),
    keepExcludedFromLatest: z.boolean(),
  })
  .refine((p) => !Number.isNaN(p.olderThanDays) || !Number.isNaN(p.endOfLifeAfterDays), {
    path: ["olderThanDays"],
    message: NO_SELECTING_RULE,
  })
  .transform((p): RetentionPolicy => ({
    ...(!Number.isNaN(p.keepNewest) ? { keepNewest: p.keepNewest } : {}),
    ...(!Number.isNaN(p.olderThanDays) ? { olderThanDays: p.olderThanDays } : {}),
    ...(!Number.isNaN(p.endOfLifeAfterDays) ? { endOfLifeAfterDays: p.endOfLifeAfterDays } : {}),
    ...(p.keepExcludedFromLatest ? { keepExcludedFromLatest: true } : {}),
  }));

export type RetentionPolicyValues = z.input<typeof retentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicyValues = {
  keepNewest: 5,
  olderThanDays: 90,
  endOfLifeAfterDays: 30,
  keepExcludedFromLatest: false,
};
