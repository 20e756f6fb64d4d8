const DATE = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "2-digit", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

function asDate(value: Date | string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDate(value: Date | string | undefined): string {
  const date = asDate(value);
  return date ? DATE.format(date) : "—";
}

export function formatDateTime(value: Date | string | undefined): string {
  const date = asDate(value);
  return date ? DATE_TIME.format(date) : "—";
}

/** True when an end-of-life date has passed. */
export function isPast(value: Date | string | undefined, now = Date.now()): boolean {
  const date = asDate(value);
  return date !== undefined && date.getTime() < now;
}
