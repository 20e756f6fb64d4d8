/**
 * How long a throttled ARM or Resource Graph call asks to be left alone, from its `Retry-After` header: delay
 * seconds or an HTTP date (RFC 9110). Falls back to `fallbackMs` when the header is absent or unreadable, since
 * ARM's 429s nearly always carry it and guessing short would only earn another 429.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number, fallbackMs = 1_000): number {
  const value = header?.trim();
  if (!value) return fallbackMs;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return fallbackMs;
  return Math.max(0, date - nowMs);
}
