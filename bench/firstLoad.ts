/**
 * First-load JS per route of an existing production build, without the rest of `npm run bench`:
 *   GALLERIST_DIST_DIR=.next-size npx next build && GALLERIST_DIST_DIR=.next-size npx tsx bench/firstLoad.ts
 */
import { join } from "node:path";
import { firstLoadJs } from "./bundleSize.js";

const TARGET_KB = 250;
const distDir = process.env.GALLERIST_DIST_DIR || ".next-bench";
const sizes = firstLoadJs(join(import.meta.dirname, "..", distDir));
for (const size of sizes) {
  const kb = size.gzipBytes / 1024;
  console.log(`${kb.toFixed(1).padStart(7)} KB ${kb <= TARGET_KB ? "✓" : "✗"}  ${size.route}`);
}
console.log(`target: ≤ ${TARGET_KB} KB for every route`);
