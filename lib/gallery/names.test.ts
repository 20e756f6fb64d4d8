import { describe, expect, it } from "vitest";
import {
  checkGalleryName,
  checkImageDefinitionName,
  checkImageVersionName,
  compareVersionNames,
  highestVersionName,
  parseVersionName,
  suggestNextVersionName,
} from "./names";

describe("gallery names", () => {
  it.each(["gallery1", "my.gallery", "My_Gallery_01", "a", "A1"])("accepts %s", (name) => {
    expect(checkGalleryName(name)).toBeUndefined();
  });

  it("accepts 80 characters and refuses 81", () => {
    expect(checkGalleryName("g".repeat(80))).toBeUndefined();
    expect(checkGalleryName("g".repeat(81))).toMatchObject({
      status: 400,
      code: "InvalidParameter",
      target: "galleryName",
    });
  });

  it.each(["my-gallery", "_gallery", ".gallery", "gal lery", "galería", ""])(
    "refuses %j with the gallery rules",
    (name) => {
      const violation = checkGalleryName(name);
      expect(violation?.code).toBe("InvalidParameter");
      expect(violation?.message).toContain("including dashes, are disallowed");
    },
  );

  it.each([
    ["gallery.", "."],
    ["gallery_", "_"],
  ])("words a trailing character the way ARM does: %s", (name, character) => {
    const violation = checkGalleryName(name);
    expect(violation).toMatchObject({ status: 400, code: "InvalidResourceNameTrailingCharacters" });
    expect(violation?.message).toContain(`'${name}' has these invalid trailing characters: '${character}'`);
  });
});

describe("image definition names", () => {
  it.each(["ubuntu-22.04", "win_2022", "x"])("accepts %s", (name) => {
    expect(checkImageDefinitionName(name)).toBeUndefined();
  });

  it("refuses a trailing hyphen with the validation rule, a trailing period as a trailing character", () => {
    expect(checkImageDefinitionName("ubuntu-")?.message).toBe(
      "The entity name 'galleryImageName' is invalid according to its validation rule: ^[^_\\W][\\w-._]{0,79}(?<![-.])$.",
    );
    expect(checkImageDefinitionName("ubuntu.", "gal")?.message).toContain(
      "'gal/ubuntu.' has these invalid trailing characters",
    );
  });

  it("accepts 80 characters and refuses 81", () => {
    expect(checkImageDefinitionName("d".repeat(80))).toBeUndefined();
    expect(checkImageDefinitionName("d".repeat(81))?.target).toBe("galleryImageName");
  });
});

describe("image version names", () => {
  it("parses Major.Minor.Patch up to Int32.MaxValue", () => {
    expect(parseVersionName("2018.12.1")).toEqual({ major: 2018, minor: 12, patch: 1 });
    expect(checkImageVersionName("2147483647.0.2147483647")).toBeUndefined();
    expect(checkImageVersionName("2147483648.0.0")?.message).toContain("Major(int).Minor(int).Patch(int)");
  });

  it.each(["1.0", "1.0.0.0", "v1.0.0", "1.-1.0", "1..0", "latest", "1.0.0 "])("refuses %j", (name) => {
    expect(checkImageVersionName(name)).toMatchObject({
      status: 400,
      code: "InvalidParameter",
      target: "galleryImageVersionName",
    });
  });

  it("compares numerically, not as text", () => {
    expect(compareVersionNames("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersionNames("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareVersionNames("1.0.0", "1.0.0")).toBe(0);
    expect(highestVersionName(["1.9.0", "1.10.0", "bogus", "1.2.3"])).toBe("1.10.0");
  });

  it("suggests the next version from the existing ones", () => {
    expect(suggestNextVersionName([])).toBe("1.0.0");
    expect(suggestNextVersionName(["1.0.0", "1.2.9", "1.2.10"])).toBe("1.2.11");
    expect(suggestNextVersionName(["1.0.2147483647"])).toBe("1.1.0");
    expect(suggestNextVersionName(["1.2147483647.2147483647"])).toBe("2.0.0");
    expect(suggestNextVersionName(["2147483647.2147483647.2147483647"])).toBeUndefined();
  });
});
