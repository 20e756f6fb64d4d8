import { type Db, getMeta, setMeta } from "./store/db.js";

/**
 * The emulator's notion of now. Long-running operations and replication are derived from stored timestamps
 * compared with this clock, never from background timers, so a test can move time forward and observe the
 * result deterministically. The offset is stored, so a restart keeps the moved time.
 */
export interface Clock {
  now(): number;
  advance(ms: number): number;
  /** How fast emulated time passes relative to real time (1 = real time). */
  readonly speed: number;
}

/** 9999-12-31T23:59:59.999Z: ISO 8601 timestamps, as ARM writes them, have four-digit years. */
export const LATEST_CLOCK_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The stored offset, or none when it would put now outside the dates ARM can write: a data directory written by
 * an emulator that accepted such an offset opens again, with the clock back at real time.
 */
function storedOffset(db: Db): number {
  const offset = Number(getMeta(db, "clock.offsetMs") ?? "0");
  const now = Date.now() + offset;
  return Number.isFinite(offset) && now >= 0 && now <= LATEST_CLOCK_TIME ? offset : 0;
}

export function createClock(db: Db, speed = 1): Clock {
  let offset = storedOffset(db);
  const startedReal = Date.now();
  const now = () => {
    const real = Date.now();
    return Math.round(real + offset + (real - startedReal) * (speed - 1));
  };
  return {
    now,
    speed,
    advance(ms: number) {
      offset += ms;
      setMeta(db, "clock.offsetMs", String(offset));
      return now();
    },
  };
}
