/** Dates as the service reads them, apart from the zod schemas so pages that only read dates do not load zod. */

/** yyyy-MM-dd, or a date and time with an optional fraction and zone (Z or ±hh:mm), as the service parses them. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date as a date field holds it and the service's date-only values read (yyyy-MM-dd, UTC); empty without one. */
export function dateOnly(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export function parseIsoDate(value: string): Date | undefined {
  if (!ISO_8601.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date accepts 2025-02-30 by rolling over; the service does not.
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day ? date : undefined;
}
