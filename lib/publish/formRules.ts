import { z } from "zod";
import type { RuleViolation } from "@/lib/gallery/violation";

/** A string field checked by one of lib/gallery's rules, failing with the service's own message. */
export function ruleString(check: (value: string) => RuleViolation | undefined, requiredMessage: string) {
  return z.string({ error: () => requiredMessage }).superRefine((value, context) => {
    if (value.trim() === "") {
      context.addIssue({ code: "custom", message: requiredMessage });
      return;
    }
    const violation = check(value);
    if (violation) context.addIssue({ code: "custom", message: violation.message });
  });
}

/**
 * What a form holds for an optional property the user left alone: empty inputs, numbers not typed (NaN), and
 * objects or rows with nothing in them. The service reads those as
 * "not given", so the body leaves them out.
 */
export function withoutBlanks(value: unknown): unknown {
  if (value === "" || value === null) return undefined;
  if (typeof value === "number" && Number.isNaN(value)) return undefined;
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((item) => item !== undefined);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const cleaned = withoutBlanks(item);
      return cleaned === undefined ? [] : [[key, cleaned] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

export interface TagRow {
  key: string;
  value: string;
}

const MAX_TAGS = 50;
const RESERVED_TAG_CHARACTERS = /[<>%&\\?/]|\p{Cc}/u;

/**
 * Resource tags as rows of name and value, checked as ARM checks them (at most 50, names up to 512 characters
 * without `<>%&\?/`, values up to 256), and turned into the `tags` object of the body.
 */
export const tagRowsSchema = z
  .array(z.object({ key: z.string(), value: z.string() }))
  .superRefine((rows, context) => {
    const filled = rows.filter((row) => row.key.trim() !== "" || row.value.trim() !== "");
    if (filled.length > MAX_TAGS) {
      context.addIssue({ code: "custom", path: [], message: `The number of tags must not exceed ${MAX_TAGS}.` });
    }
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (row.key.trim() === "" && row.value.trim() === "") return;
      const name = row.key.trim();
      if (name === "") {
        context.addIssue({ code: "custom", path: [index, "key"], message: "A tag with a value needs a name." });
      } else if (name.length > 512) {
        context.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `The tag name '${name.slice(0, 20)}…' exceeds the maximum length of 512 characters.`,
        });
      } else if (RESERVED_TAG_CHARACTERS.test(name)) {
        context.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `The tag names '${name}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
        });
      } else if (seen.has(name.toLowerCase())) {
        context.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `The tag name '${name}' is used twice; tag names ignore case.`,
        });
      }
      seen.add(name.toLowerCase());
      if (row.value.length > 256) {
        context.addIssue({
          code: "custom",
          path: [index, "value"],
          message: `The value of tag '${name}' exceeds the maximum length of 256 characters.`,
        });
      }
    });
  })
  .transform((rows) =>
    Object.fromEntries(rows.filter((row) => row.key.trim() !== "").map((row) => [row.key.trim(), row.value])),
  );

export function tagRowsOf(tags: Record<string, string> | undefined): TagRow[] {
  return Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
}
