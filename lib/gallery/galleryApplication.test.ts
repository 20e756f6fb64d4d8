import { describe, expect, it } from "vitest";
import {
  checkApplicationName,
  checkApplicationUpdate,
  galleryApplicationPropertiesShape,
  validateApplicationRules,
} from "./galleryApplication";
import {
  checkApplicationVersionUpdate,
  galleryApplicationVersionPropertiesShape,
  isArtifactLink,
  MAX_MANAGE_ACTION_LENGTH,
  validateApplicationVersionRules,
} from "./galleryApplicationVersion";

const now = new Date("2026-01-01T00:00:00Z");
const profile = {
  source: { mediaLink: "https://apps.blob.core.windows.net/p/app.zip?sig=x" },
  manageActions: { install: "install.cmd", remove: "remove.cmd" },
};

describe("gallery application rules", () => {
  it("needs a supported OS type and types custom action parameters", () => {
    expect(galleryApplicationPropertiesShape.safeParse({}).success).toBe(false);
    const parsed = galleryApplicationPropertiesShape.parse({
      supportedOSType: "linux",
      customActions: [{ name: "a", script: "s", parameters: [{ name: "p", type: "configurationdatablob" }] }],
    });
    expect(parsed.supportedOSType).toBe("Linux");
    expect(parsed.customActions?.[0]?.parameters?.[0]?.type).toBe("ConfigurationDataBlob");
    expect(
      galleryApplicationPropertiesShape.safeParse({
        supportedOSType: "Linux",
        customActions: [{ name: "a", script: "s", parameters: [{ name: "p", type: "Blob" }] }],
      }).success,
    ).toBe(false);
  });

  it("refuses duplicate custom actions, a past end of life, an OS change and bad names", () => {
    const duplicate = galleryApplicationPropertiesShape.parse({
      supportedOSType: "Windows",
      customActions: [
        { name: "go", script: "a" },
        { name: "GO", script: "b" },
      ],
      endOfLifeDate: "2025-01-01T00:00:00Z",
    });
    expect(validateApplicationRules(duplicate, now).map((v) => v.target)).toEqual([
      "galleryApplication.properties.endOfLifeDate",
      "galleryApplication.properties.customActions[1].name",
    ]);
    expect(checkApplicationUpdate({ supportedOSType: "Windows" }, { supportedOSType: "Linux" })?.code).toBe(
      "PropertyChangeNotAllowed",
    );
    expect(checkApplicationName("monitoring-agent")).toBeUndefined();
    expect(checkApplicationName("-agent")?.target).toBe("galleryApplicationName");
    expect(checkApplicationName("agent.")?.code).toBe("InvalidResourceNameTrailingCharacters");
  });
});

describe("gallery application version rules", () => {
  it("requires the source and the install and remove commands, each at most 4096 characters", () => {
    expect(galleryApplicationVersionPropertiesShape.safeParse({ publishingProfile: profile }).success).toBe(true);
    expect(
      galleryApplicationVersionPropertiesShape.safeParse({
        publishingProfile: { ...profile, manageActions: { install: "i" } },
      }).success,
    ).toBe(false);
    const long = "x".repeat(MAX_MANAGE_ACTION_LENGTH + 1);
    const refused = galleryApplicationVersionPropertiesShape.safeParse({
      publishingProfile: { ...profile, manageActions: { install: "i", remove: "r", update: long } },
    });
    expect(refused.success).toBe(false);
    expect(
      galleryApplicationVersionPropertiesShape.safeParse({
        publishingProfile: { ...profile, manageActions: { install: "i", remove: "r", update: long.slice(1) } },
      }).success,
    ).toBe(true);
  });

  it("accepts https blob links only", () => {
    expect(isArtifactLink("https://a.blob.core.windows.net/c/p.zip?sv=1&sig=2")).toBe(true);
    expect(isArtifactLink("http://a.blob.core.windows.net/c/p.zip")).toBe(false);
    expect(isArtifactLink("https://a.blob.core.windows.net/")).toBe(false);
    expect(isArtifactLink("package.zip")).toBe(false);
  });

  it("applies the image versions' region rules and guards replicated regions", () => {
    const properties = galleryApplicationVersionPropertiesShape.parse({
      publishingProfile: { ...profile, targetRegions: [{ name: "northeurope" }] },
    });
    const [violation] = validateApplicationVersionRules(properties, { location: "westeurope", now });
    expect(violation?.target).toBe("galleryApplicationVersion.properties.publishingProfile.targetRegions");
    expect(checkApplicationVersionUpdate(["West Europe", "North Europe"], properties, "westeurope")?.code).toBe(
      "OperationNotAllowed",
    );
    const allowed = { ...properties, safetyProfile: { allowDeletionOfReplicatedLocations: true } };
    expect(checkApplicationVersionUpdate(["West Europe", "North Europe"], allowed, "westeurope")).toBeUndefined();
  });
});
