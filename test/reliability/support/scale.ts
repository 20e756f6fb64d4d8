/**
 * How large the reliability runs are. `npm test` runs them small enough to finish in seconds; `npm run
 * reliability` sets RELIABILITY_SCALE=large. Single figures can be forced (RELIABILITY_WRITES, RELIABILITY_FUZZ_CASES).
 */
const large = process.env.RELIABILITY_SCALE === "large";

function sized(name: string, small: number, big: number): number {
  const forced = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(forced) && forced > 0 ? forced : large ? big : small;
}

export const SCALE = {
  large,
  /** Concurrent writes planned; the emulator is killed once half of them were acknowledged. */
  writes: sized("RELIABILITY_WRITES", 2_000, 6_000),
  /** Malformed requests the fuzz test sends. */
  fuzzCases: sized("RELIABILITY_FUZZ_CASES", 1_200, 10_000),
  /** Calls made through the ARM SDK while faults are injected. */
  faultedCalls: sized("RELIABILITY_FAULTED_CALLS", 150, 1_500),
};
