import { describe, expect, it } from "vitest";
// The forms run in the browser with zod's interpreted parsers; the compiled ones hid issue 17's submit defect.
import "@/lib/security/zodWithoutEval";
import {
  galleryApplicationVersionPropertiesShape,
  manageActionHints,
  MAX_MANAGE_ACTION_LENGTH,
  MAX_SETTINGS_FILE_NAME_LENGTH,
} from "@/lib/gallery/galleryApplicationVersion";
import { makeApplicationSchema, type ApplicationValues } from "@/lib/publish/applicationForm";
import {
  applicationVersionPropertiesBody,
  applicationVersionValuesOf,
  makeApplicationVersionSchema,
  type ApplicationVersionValues,
} from "@/lib/publish/applicationVersionForm";

const now = () => new Date("2026-01-01T00:00:00Z");

function application(overrides: Partial<ApplicationValues["properties"]> = {}): ApplicationValues {
  return {
    name: "agent",
    properties: {
      supportedOSType: "Windows",
      description: "",
      eula: "",
      privacyStatementUri: "",
      releaseNoteUri: "",
      endOfLifeDate: "",
      customActions: [],
      ...overrides,
    },
    tags: [],
  };
}

function version(edit: (values: ApplicationVersionValues) => void = () => {}): ApplicationVersionValues {
  const values = applicationVersionValuesOf(undefined, "eastus", "1.0.0");
  values.properties.publishingProfile.source.mediaLink = "https://apps.blob.core.windows.net/packages/agent.msi";
  values.properties.publishingProfile.manageActions.install = "msiexec /i agent.msi /qn";
  values.properties.publishingProfile.manageActions.remove = "msiexec /x agent.msi /qn";
  edit(values);
  return values;
}

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), message: issue.message }));

describe("application form", () => {
  const schema = makeApplicationSchema({ now, existingNames: ["existing"], galleryName: "apps" });

  it("sends custom actions with typed parameters, and leaves blanks out", () => {
    const parsed = schema.parse(
      application({
        description: "Agent",
        customActions: [
          {
            name: "collect",
            script: "collect.ps1",
            description: "",
            parameters: [{ name: "out", type: "LogOutputBlob", required: true, defaultValue: "", description: "" }],
          },
        ],
      }),
    );
    expect(parsed.properties).toEqual({
      supportedOSType: "Windows",
      description: "Agent",
      customActions: [
        {
          name: "collect",
          script: "collect.ps1",
          parameters: [{ name: "out", required: true, type: "LogOutputBlob" }],
        },
      ],
    });
  });

  it("puts the emulator's rules on their fields: duplicate actions, a past end of life, a taken or invalid name", () => {
    const twice = { name: "a", script: "s", description: "", parameters: [] };
    const result = schema.safeParse({
      ...application({ endOfLifeDate: "2020-01-01", customActions: [twice, { ...twice, name: "A" }] }),
      name: "existing",
    });
    const paths = issuesOf(result).map((issue) => issue.path);
    expect(paths).toContain("name");
    expect(paths).toContain("properties.endOfLifeDate");
    expect(paths).toContain("properties.customActions.1.name");
    expect(issuesOf(schema.safeParse({ ...application(), name: "-bad" }))[0]?.path).toBe("name");
  });

  it("keeps a stored end of life that has passed when it is unchanged", () => {
    const update = makeApplicationSchema({ now, galleryName: "apps", storedEndOfLife: "2020-01-01" });
    expect(update.safeParse(application({ endOfLifeDate: "2020-01-01" })).success).toBe(true);
    expect(update.safeParse(application({ endOfLifeDate: "2020-02-01" })).success).toBe(false);
  });
});

describe("application version form", () => {
  const create = makeApplicationVersionSchema({ location: "eastus", now, existingVersionNames: ["1.0.0"] });

  it("builds the body the emulator accepts, target regions at their index", () => {
    const values = version((v) => {
      v.properties.publishingProfile.targetRegions.push({
        name: "westus2",
        regionalReplicaCount: 2,
        storageAccountType: "",
        excludeFromLatest: false,
      });
      v.properties.publishingProfile.settings.scriptBehaviorAfterReboot = "Rerun";
      v.properties.publishingProfile.advancedSettings = [{ key: "timeout", value: "600" }];
    });
    const body = applicationVersionPropertiesBody(values.properties);
    expect(galleryApplicationVersionPropertiesShape.safeParse(body).success).toBe(true);
    expect(body.publishingProfile).toMatchObject({
      targetRegions: [
        { name: "eastus", excludeFromLatest: false },
        { name: "westus2", regionalReplicaCount: 2 },
      ],
      settings: { scriptBehaviorAfterReboot: "Rerun" },
      advancedSettings: { timeout: "600" },
      enableHealthCheck: false,
    });
    expect(issuesOf(create.safeParse(values))).toEqual([
      { path: "name", message: expect.stringContaining("already exists") },
    ]);
  });

  it("sends edge zones as targetExtendedLocations, reads them back, and puts a duplicate zone on its field", () => {
    const zone = { name: "westus", edgeZone: "microsoftlosangeles1", storageAccountType: "" };
    const values = version((v) => {
      v.name = "1.0.1";
      v.properties.publishingProfile.targetExtendedLocations = [
        { ...zone, extendedLocationReplicaCount: 2 },
        { ...zone, edgeZone: "microsoftlosangeles1 ", extendedLocationReplicaCount: Number.NaN },
      ];
    });
    const body = applicationVersionPropertiesBody(values.properties);
    expect(body.publishingProfile).toMatchObject({
      targetExtendedLocations: [
        {
          name: "westus",
          extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
          extendedLocationReplicaCount: 2,
        },
        { name: "westus", extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" } },
      ],
    });
    expect(issuesOf(create.safeParse(values))).toEqual([
      {
        path: "properties.publishingProfile.targetExtendedLocations.1.edgeZone",
        message: expect.stringContaining("Duplicate edge zones"),
      },
    ]);
    const stored = galleryApplicationVersionPropertiesShape.parse(body);
    const reread = applicationVersionValuesOf(
      { location: "eastus", publishingProfile: stored.publishingProfile } as never,
      "eastus",
      "",
    );
    expect(reread.properties.publishingProfile.targetExtendedLocations[0]).toEqual({
      name: "westus",
      edgeZone: "microsoftlosangeles1",
      extendedLocationReplicaCount: 2,
      storageAccountType: "",
    });
    expect(applicationVersionPropertiesBody(version().properties).publishingProfile).not.toHaveProperty(
      "targetExtendedLocations",
    );
  });

  it("checks the service's limits and required commands as the user types", () => {
    const result = create.safeParse(
      version((v) => {
        v.name = "2.0.0";
        v.properties.publishingProfile.manageActions.install = "x".repeat(MAX_MANAGE_ACTION_LENGTH + 1);
        v.properties.publishingProfile.manageActions.remove = "";
        v.properties.publishingProfile.settings.packageFileName = "p".repeat(MAX_SETTINGS_FILE_NAME_LENGTH + 1);
        v.properties.publishingProfile.source.defaultConfigurationLink = "file:///etc/app.conf";
      }),
    );
    const paths = issuesOf(result).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "properties.publishingProfile.manageActions.install",
        "properties.publishingProfile.manageActions.remove",
        "properties.publishingProfile.settings.packageFileName",
        "properties.publishingProfile.source.defaultConfigurationLink",
      ]),
    );
  });

  it("validates the same values again and again, as the browser does on every change", () => {
    const schema = makeApplicationVersionSchema({ location: "eastus", now, existingVersionNames: [] });
    const blank = applicationVersionValuesOf(undefined, "eastus", "1.0.0");
    const missing = [
      "properties.publishingProfile.source.mediaLink",
      "properties.publishingProfile.manageActions.install",
      "properties.publishingProfile.manageActions.remove",
    ];
    for (let round = 0; round < 3; round++)
      expect(issuesOf(schema.safeParse(blank)).map((issue) => issue.path)).toEqual(missing);
    expect(schema.safeParse(version()).success).toBe(true);
  });

  it("refuses removing a replicated region unless deletion of replicated locations is allowed", () => {
    const update = makeApplicationVersionSchema({ location: "eastus", now, replicatedRegions: ["eastus", "westus2"] });
    const values = version();
    expect(issuesOf(update.safeParse(values)).map((issue) => issue.path)).toEqual([
      "properties.safetyProfile.allowDeletionOfReplicatedLocations",
    ]);
    values.properties.safetyProfile.allowDeletionOfReplicatedLocations = true;
    expect(update.safeParse(values).success).toBe(true);
  });

  it("hints the commands per OS, naming the downloaded file", () => {
    expect(manageActionHints("Linux", { application: "shipper" }).install).toContain("mv shipper shipper.tar.gz");
    expect(manageActionHints("Windows", { application: "agent", packageFileName: "agent.msi" }).where).toContain(
      "cmd.exe",
    );
  });
});
