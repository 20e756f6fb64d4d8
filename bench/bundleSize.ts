/**
 * First-load JS per route of the production build, gzipped: the runtime chunks every page loads
 * (build-manifest rootMainFiles) plus every client chunk the route's layouts, page and boundaries need (its
 * client reference manifest's entryJSFiles), each file counted once. Next 16 no longer prints these sizes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface RouteSize {
  route: string;
  files: number;
  gzipBytes: number;
}

export function firstLoadJs(distDir: string): RouteSize[] {
  const buildManifest = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const routes = JSON.parse(readFileSync(join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) gzipped.set(file, (size = gzipSync(readFileSync(join(distDir, file))).length));
    return size;
  };
  const sizes: RouteSize[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page")) continue;
    const manifestPath = join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestPath)) continue;
    const sandbox = { globalThis: {} as Record<string, unknown> };
    runInNewContext(readFileSync(manifestPath, "utf8"), sandbox);
    const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<
      string,
      { entryJSFiles?: Record<string, string[]> }
    >;
    const files = new Set(buildManifest.rootMainFiles);
    for (const manifest of Object.values(manifests))
      for (const list of Object.values(manifest.entryJSFiles ?? {})) list.forEach((f) => files.add(f));
    sizes.push({ route, files: files.size, gzipBytes: [...files].reduce((sum, f) => sum + sizeOf(f), 0) });
  }
  return sizes.sort((a, b) => a.route.localeCompare(b.route));
}
