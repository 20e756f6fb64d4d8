import { z } from "zod";
import { invalidParameter, type RuleViolation } from "./violation";
import { parseIsoDate } from "./isoDate";

/**
 * Zod building blocks that fail with the service's wording. Each takes the property's path as Azure names it
 * in its messages, so a form field and the emulator's response read the same.
 */

export function requiredParameterMessage(path: string): string {
  return `Required parameter '${path}' is missing (null).`;
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(", ");
}

export function invalidEnumMessage(path: string, value: unknown, allowed: readonly string[]): string {
  return `The value '${String(value)}' of parameter '${path}' is invalid. Allowed values are ${quoted(allowed)}.`;
}

/**
 * An enum matched case-insensitively (the service's JSON binding ignores case) and stored in its canonical casing.
 * Missing values are reported as a missing required parameter.
 */
export function azureEnum<const T extends readonly [string, ...string[]]>(values: T, path: string) {
  const canonical = new Map(values.map((value) => [value.toLowerCase(), value]));
  return z.preprocess(
    (input) => (typeof input === "string" ? (canonical.get(input.toLowerCase()) ?? input) : input),
    z.enum(values, {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? requiredParameterMessage(path)
          : invalidEnumMessage(path, issue.input, values),
    }),
  );
}

export function notAnIntegerMessage(jsonPath: string, value: unknown): string {
  return `Input string '${String(value)}' is not a valid integer. Path '${jsonPath}'.`;
}

export function outOfRangeMessage(path: string, value: number, min: number, max: number): string {
  return `The value ${value} of parameter ${path} is out of range. The value must be between ${min} and ${max}, inclusive.`;
}

/** An Int32, optionally bounded; `jsonPath` is the body path (`properties.recommended.vCPUs.min`). */
export function azureInt(jsonPath: string, range?: { min: number; max: number; parameter: string }) {
  const integer = z
    .number({
      error: (issue) =>
        issue.input === undefined ? requiredParameterMessage(jsonPath) : notAnIntegerMessage(jsonPath, issue.input),
    })
    .int({ error: (issue) => notAnIntegerMessage(jsonPath, issue.input) });
  if (!range) return integer;
  return integer.refine((value) => value >= range.min && value <= range.max, {
    error: (issue) => outOfRangeMessage(range.parameter, issue.input as number, range.min, range.max),
  });
}

export function invalidDateMessage(jsonPath: string, value: unknown): string {
  return `Could not convert string to DateTimeOffset: ${String(value)}. Path '${jsonPath}'.`;
}

export function azureDate(jsonPath: string) {
  return z
    .string({ error: (issue) => invalidDateMessage(jsonPath, issue.input) })
    .refine((value) => parseIsoDate(value) !== undefined, {
      error: (issue) => invalidDateMessage(jsonPath, issue.input),
    });
}

export const END_OF_LIFE_IN_PAST_MESSAGE = "EndOfLifeDate must be set to a future date.";

/** An end-of-life date that is set must lie after `now`; the caller passes its clock so tests can move it. */
export function checkEndOfLifeDate(value: string | undefined, now: Date, target: string): RuleViolation | undefined {
  if (value === undefined) return undefined;
  const date = parseIsoDate(value);
  if (!date) return invalidParameter(invalidDateMessage(target, value), target);
  return date.getTime() > now.getTime() ? undefined : invalidParameter(END_OF_LIFE_IN_PAST_MESSAGE, target);
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (joined, key) =>
      typeof key === "number" ? `${joined}[${key}]` : joined ? `${joined}.${String(key)}` : String(key),
    prefix,
  );
}

/** `a.b[1].c` → `["a", "b", 1, "c"]`, so a rule's target can become a zod issue path for a form field. */
export function pathFromTarget(target: string): (string | number)[] {
  return target
    .split(/\.|(?=\[)/)
    .filter((part) => part.length > 0)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/** Turns a failed parse into violations; `targetPrefix` is prepended to each issue's path (e.g. `properties`). */
export function violationsFromZodError(error: z.ZodError, targetPrefix = ""): RuleViolation[] {
  return error.issues.map((issue) => invalidParameter(issue.message, joinPath(targetPrefix, issue.path)));
}
