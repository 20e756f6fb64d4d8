import { appendFileSync } from "node:fs";

/**
 * Prints a test's figures and, when RELIABILITY_REPORT names a file (as `npm run reliability` does), appends them
 * there as one JSON line, for the summary printed at the end of the run.
 */
export function reportFigures(section: string, figures: Record<string, number | string>): void {
  console.log(
    `[reliability] ${section}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ section, figures })}\n`);
}
