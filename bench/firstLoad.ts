/**
 * First-load JS per route of an existing production build, without the rest of `npm run bench`:
 *   GALLERIST_DIST_DIR=.next-size npx next build && GALLERIST_DIST_DIR=.next-size npx tsx bench/firstLoad.ts
 */
import { join } from "node:path";
import { firstLoadJs } from "./bundleSize.js";

const OVERVIEW_TARGET_KB = 250;
const distDir = process.env.GALLERIST_DIST_DIR || ".next-bench";
const sizes = firstLoadJs(join(import.meta.dirname, "..", distDir));
for (const size of sizes) console.log(`${(size.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${size.route}`);
const overview = sizes.find((x) => x.route === "/");
if (overview) {
  const kb = overview.gzipBytes / 1024;
  console.log(
    `overview (/) ${kb.toFixed(1)} KB, target ≤ ${OVERVIEW_TARGET_KB} KB ${kb <= OVERVIEW_TARGET_KB ? "✓" : "✗"}`,
  );
}
