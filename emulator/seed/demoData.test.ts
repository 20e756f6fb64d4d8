import { describe, expect, it } from "vitest";
import { validateIdentifier } from "../../lib/gallery/identifier.js";
import {
  checkGalleryName,
  checkImageDefinitionName,
  checkImageVersionName,
  compareVersionNames,
} from "../../lib/gallery/names.js";
import { isKnownRegion } from "../../lib/gallery/regions.js";
import { DEMO_DEFINITIONS, DEMO_GALLERIES, DEMO_RESOURCE_GROUPS } from "./demoData.js";
import { demoVersions, expandReleasePlan, nextVersionName } from "./demoVersions.js";

// The catalogue as data, before any emulator sees it: the shape issue 2 asks for, and names the service accepts.
describe("demo catalogue", () => {
  const versions = demoVersions();

  it("holds 8 galleries, 40 definitions and 300 versions across at least eight regions", () => {
    expect(DEMO_GALLERIES).toHaveLength(8);
    expect(DEMO_DEFINITIONS).toHaveLength(40);
    expect(versions).toHaveLength(300);
    const regions = new Set(versions.flatMap((v) => v.targetRegions.map((r) => r.name)));
    expect(regions.size).toBeGreaterThanOrEqual(8);
    expect(new Set(DEMO_GALLERIES.map((g) => g.subscription)).size).toBe(4);
  });

  it("uses names, identifiers and regions the service accepts", () => {
    for (const g of DEMO_GALLERIES) {
      expect(checkGalleryName(g.name), g.name).toBeUndefined();
      expect(isKnownRegion(g.location), g.location).toBe(true);
      expect(
        DEMO_RESOURCE_GROUPS.some((rg) => rg.subscription === g.subscription && rg.name === g.resourceGroup),
        g.name,
      ).toBe(true);
    }
    for (const d of DEMO_DEFINITIONS) {
      expect(checkImageDefinitionName(d.name), d.name).toBeUndefined();
      expect(validateIdentifier(d), d.name).toEqual([]);
      expect(
        DEMO_GALLERIES.some((g) => g.name === d.gallery),
        d.name,
      ).toBe(true);
    }
    for (const v of versions) {
      expect(checkImageVersionName(v.name), v.name).toBeUndefined();
      const names = v.targetRegions.map((r) => r.name);
      expect(names.every(isKnownRegion), names.join()).toBe(true);
      expect(new Set(names).size, `${v.definition}/${v.name}`).toBe(names.length);
      expect(names[0]).toBe(v.location);
    }
  });

  it("keeps (publisher, offer, sku) unique within each gallery and names unique everywhere", () => {
    for (const g of DEMO_GALLERIES) {
      const triples = DEMO_DEFINITIONS.filter((d) => d.gallery === g.name).map((d) =>
        `${d.publisher}/${d.offer}/${d.sku}`.toLowerCase(),
      );
      expect(new Set(triples).size, g.name).toBe(triples.length);
    }
    const definitionKeys = DEMO_DEFINITIONS.map((d) => `${d.gallery}/${d.name}`);
    expect(new Set(definitionKeys).size).toBe(definitionKeys.length);
    const versionKeys = versions.map((v) => `${v.gallery}/${v.definition}/${v.name}`);
    expect(new Set(versionKeys).size).toBe(versionKeys.length);
  });

  it("mixes the kinds of image the domain knows", () => {
    const kinds = (pick: (d: (typeof DEMO_DEFINITIONS)[number]) => string) => new Set(DEMO_DEFINITIONS.map(pick));
    expect(kinds((d) => d.osType)).toEqual(new Set(["Windows", "Linux"]));
    expect(kinds((d) => d.osState)).toEqual(new Set(["Generalized", "Specialized"]));
    expect(kinds((d) => d.hyperVGeneration)).toEqual(new Set(["V1", "V2"]));
    expect(kinds((d) => d.architecture)).toEqual(new Set(["x64", "Arm64"]));
    expect(DEMO_DEFINITIONS.some((d) => d.trustedLaunch)).toBe(true);
    expect(DEMO_DEFINITIONS.some((d) => (d.endOfLifeDays ?? 0) < 0)).toBe(true);
  });

  it("has the edge cases later features show", () => {
    const byDefinition = new Map<string, typeof versions>();
    for (const v of versions) byDefinition.set(v.definition, [...(byDefinition.get(v.definition) ?? []), v]);
    expect(DEMO_DEFINITIONS.filter((d) => !byDefinition.has(d.name)).map((d) => d.name)).toEqual([
      "experimental-ubuntu-2410",
    ]);
    const allExcluded = [...byDefinition]
      .filter(([, vs]) => vs.every((v) => v.excludeFromLatest))
      .map(([name]) => name);
    expect(allExcluded).toEqual(["preview-ws2025-core"]);
    expect(versions.some((v) => v.targetRegions.some((r) => r.excludeFromLatest))).toBe(true);
    expect(versions.some((v) => (v.endOfLifeInMs ?? 0) < 0)).toBe(true);
    expect(versions.some((v) => (v.dataDiskGB ?? 0) > 1024)).toBe(true);
    const inProgress = versions.filter((v) => v.publishedAgoMs < 6 * 60 * 60 * 1000);
    expect(new Set(inProgress.map((v) => v.publishedAgoMs)).size).toBeGreaterThanOrEqual(3);
  });

  it("replicates the newest versions widely and keeps older ones in the source region", () => {
    const ws2022 = expandReleasePlan(DEMO_DEFINITIONS.find((d) => d.name === "ws2022-datacenter-g2")!);
    expect(ws2022.map((v) => v.name).slice(0, 2)).toEqual(["2024.1.0", "2024.2.0"]);
    expect(ws2022[0]!.targetRegions.map((r) => r.name)).toEqual(["eastus"]);
    expect(ws2022.at(-1)!.targetRegions).toHaveLength(8);
    const names = ws2022.map((v) => v.name);
    expect([...names].sort(compareVersionNames)).toEqual(names);
    expect(ws2022.every((v, i) => i === 0 || v.publishedAgoMs < ws2022[i - 1]!.publishedAgoMs)).toBe(true);
  });

  it("counts version names up by patch, minor or month", () => {
    expect(nextVersionName("1.0.9", "patch", 7)).toBe("1.0.10");
    expect(nextVersionName("1.9.0", "minor", 30)).toBe("1.10.0");
    expect(nextVersionName("2024.12.0", "month", 30)).toBe("2025.1.0");
    expect(nextVersionName("2023.11.0", "month", 60)).toBe("2024.1.0");
  });
});
