import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOCS = [
  join(ROOT, "README.md"),
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(ROOT, "docs", name)),
];

/** GitHub's anchor for a heading: lower-cased, punctuation dropped, spaces to hyphens. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading)
      anchors.add(
        heading[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\w\- ]/g, "")
          .replace(/ /g, "-"),
      );
  }
  return anchors;
}

/** Markdown links to files of this repository (not URLs), with their anchors. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((link) => !/^[a-z]+:/i.test(link));
}

/**
 * Repository paths the docs name in backticks (`lib/azure/clients.ts`): code moves, and a doc that names a file
 * no longer there sends the reader nowhere. Paths of other repositories are quoted with their repository.
 */
function namedPaths(text: string): string[] {
  return [
    ...text.matchAll(
      /`((?:app|components|lib|emulator|e2e|test|bench|scripts|docs)\/[\w().[\]/-]*\.(?:ts|tsx|mjs|md))`/g,
    ),
  ].map((m) => m[1]!);
}

describe("README.md and docs/", () => {
  for (const file of DOCS) {
    const name = relative(ROOT, file);
    const text = readFileSync(file, "utf8");

    it(`${name}: every relative link reaches a file and heading that exist`, () => {
      const broken = relativeLinks(text).filter((link) => {
        const [target, anchor] = link.split("#", 2) as [string, string?];
        const path = target ? normalize(join(dirname(file), target)) : file;
        if (!existsSync(path)) return true;
        return anchor !== undefined && path.endsWith(".md") && !anchorsOf(path).has(anchor);
      });
      expect(broken).toEqual([]);
    });

    it(`${name}: every file path it names exists`, () => {
      expect(namedPaths(text).filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
    });
  }
});
