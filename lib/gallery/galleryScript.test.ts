import { describe, expect, it } from "vitest";
import {
  checkScriptLink,
  makeGalleryScriptVersionPropertiesSchema,
  scriptLinkWithoutSas,
  validateScriptParameters,
} from "./galleryScript";

describe("gallery script parameters", () => {
  it("accepts the typed parameters of the GalleryScriptVersion_Create example", () => {
    expect(
      validateScriptParameters([
        { name: "location", required: true, defaultValue: "westus", type: "String" },
        { name: "numberOfUnits", type: "Int", defaultValue: "3", minValue: "1", maxValue: "5" },
        { name: "weightOfUnit", type: "Double", defaultValue: "0.6", minValue: "0.1", maxValue: "2" },
        { name: "typeOfProduct", type: "Enum", defaultValue: "Fruit", enumValues: ["Fruit", "Nuts"] },
      ]),
    ).toEqual([]);
  });

  it("refuses defaults and bounds that contradict the type", () => {
    const messages = validateScriptParameters([
      { name: "n", type: "Int", defaultValue: "1.5" },
      { name: "d", type: "Double", minValue: "2", maxValue: "1" },
      { name: "b", type: "Boolean", defaultValue: "yes" },
      { name: "e", type: "Enum", defaultValue: "Z", enumValues: ["A"] },
      { name: "N", type: "String" },
    ]).map((v) => v.message);
    expect(messages).toEqual([
      "The defaultValue '1.5' of parameter 'n' is not a valid Int.",
      "The minValue of parameter 'd' is greater than its maxValue.",
      "The defaultValue 'yes' of parameter 'b' is not a valid Boolean.",
      "The defaultValue 'Z' of parameter 'e' is not one of its enumValues.",
      "Duplicate parameter name 'N' in gallery script parameters.",
    ]);
  });
});

describe("gallery script versions", () => {
  it("requires a publishing profile with an absolute script link, and returns the link without its SAS", () => {
    const schema = makeGalleryScriptVersionPropertiesSchema(() => new Date("2026-01-01T00:00:00Z"));
    expect(schema.safeParse({}).success).toBe(false);
    expect(checkScriptLink("scripts/setup.ps1")?.code).toBe("InvalidParameter");
    expect(scriptLinkWithoutSas("https://a.blob.core.windows.net/c/s.ps1?sv=1&sig=x")).toBe(
      "https://a.blob.core.windows.net/c/s.ps1",
    );
    const past = schema.safeParse({
      publishingProfile: { source: { scriptLink: "https://a/s.ps1" }, endOfLifeDate: "2025-01-01T00:00:00Z" },
    });
    expect(past.success).toBe(false);
  });
});
