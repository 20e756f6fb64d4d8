import { parseIsoDate } from "../../../lib/gallery/isoDate.js";

/** Two ISO 8601 values name the same instant ("2031-01-01" and "2031-01-01T00:00:00.000Z"); unset equals unset. */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  const left = typeof a === "string" ? parseIsoDate(a) : undefined;
  const right = typeof b === "string" ? parseIsoDate(b) : undefined;
  return left !== undefined && right !== undefined && left.getTime() === right.getTime();
}
