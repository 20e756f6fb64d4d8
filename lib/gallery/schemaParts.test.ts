import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  azureDate,
  azureEnum,
  azureInt,
  checkEndOfLifeDate,
  pathFromTarget,
  violationsFromZodError,
} from "./schemaParts";
import { parseIsoDate } from "./isoDate";

describe("schema parts", () => {
  it("matches enums case-insensitively and lists the allowed values otherwise", () => {
    const osType = azureEnum(["Windows", "Linux"], "galleryImage.properties.osType");
    expect(osType.parse("linux")).toBe("Linux");
    expect(osType.safeParse("Mac").error?.issues[0]?.message).toBe(
      "The value 'Mac' of parameter 'galleryImage.properties.osType' is invalid. Allowed values are 'Windows', 'Linux'.",
    );
    expect(osType.safeParse(undefined).error?.issues[0]?.message).toBe(
      "Required parameter 'galleryImage.properties.osType' is missing (null).",
    );
  });

  it("refuses non-integers and out-of-range integers", () => {
    const count = azureInt("properties.publishingProfile.replicaCount", {
      min: 1,
      max: 100,
      parameter: "replicaCount",
    });
    expect(count.parse(100)).toBe(100);
    expect(count.safeParse(1.5).error?.issues[0]?.message).toBe(
      "Input string '1.5' is not a valid integer. Path 'properties.publishingProfile.replicaCount'.",
    );
    expect(count.safeParse("two").error?.issues[0]?.message).toContain("Input string 'two' is not a valid integer");
    expect(count.safeParse(101).error?.issues[0]?.message).toBe(
      "The value 101 of parameter replicaCount is out of range. The value must be between 1 and 100, inclusive.",
    );
  });

  it("parses ISO 8601 dates and refuses others", () => {
    expect(parseIsoDate("2030-01-31")).toBeInstanceOf(Date);
    expect(parseIsoDate("2030-01-31T10:00:00Z")).toBeInstanceOf(Date);
    expect(parseIsoDate("2030-01-31T10:00:00.123+02:00")).toBeInstanceOf(Date);
    expect(parseIsoDate("2030-02-30")).toBeUndefined();
    expect(parseIsoDate("31/01/2030")).toBeUndefined();
    expect(azureDate("properties.endOfLifeDate").safeParse("tomorrow").error?.issues[0]?.message).toBe(
      "Could not convert string to DateTimeOffset: tomorrow. Path 'properties.endOfLifeDate'.",
    );
  });

  it("requires an end-of-life date after now", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(checkEndOfLifeDate("2026-06-02", now, "t")).toBeUndefined();
    expect(checkEndOfLifeDate("2026-06-01T00:00:00Z", now, "t")?.message).toBe(
      "EndOfLifeDate must be set to a future date.",
    );
    expect(checkEndOfLifeDate(undefined, now, "t")).toBeUndefined();
  });

  it("turns zod issues into violations targeted at the property path", () => {
    const schema = z.object({ list: z.array(z.object({ n: azureInt("n") })) });
    const error = schema.safeParse({ list: [{ n: 1 }, { n: 2.5 }] }).error!;
    expect(violationsFromZodError(error, "properties")).toEqual([
      {
        status: 400,
        code: "InvalidParameter",
        message: "Input string '2.5' is not a valid integer. Path 'n'.",
        target: "properties.list[1].n",
      },
    ]);
  });
});

describe("targets as paths", () => {
  it("splits dotted and indexed targets", () => {
    expect(pathFromTarget("publishingProfile.targetRegions[1].name")).toEqual([
      "publishingProfile",
      "targetRegions",
      1,
      "name",
    ]);
    expect(pathFromTarget("storageProfile")).toEqual(["storageProfile"]);
  });
});
