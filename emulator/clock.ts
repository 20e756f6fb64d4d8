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

export function createClock(db: Db, speed = 1): Clock {
  let offset = Number(getMeta(db, "clock.offsetMs") ?? "0");
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
