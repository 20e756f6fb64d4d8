// The browser parses with zod's interpreted parsers (our CSP forbids eval); the forms are tested the same way.
import "@/lib/security/zodWithoutEval";
import { describe, expect, it } from "vitest";
import {
  emptyProfileVersion,
  emptyScriptVersion,
  EMPTY_SCRIPT,
  formFieldOf,
  makeAccessControlProfileSchema,
  makeAccessControlProfileVersionSchema,
  makeGalleryScriptSchema,
  makeGalleryScriptVersionSchema,
  profileVersionValuesOf,
  scriptVersionValuesOf,
} from "./galleryArtifactForms";
import { fieldOfArmError } from "./fieldErrors";

const now = () => new Date("2026-06-01T00:00:00Z");
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the script form", () => {
  it("checks the name and the OS type, and keeps the OS type fixed on an edit", () => {
    const schema = makeGalleryScriptSchema({ now });
    expect(issuesOf(schema.safeParse({ ...EMPTY_SCRIPT, name: "-bad" }))).toMatchObject({
      name: expect.stringContaining("galleryScriptName"),
      "properties.supportedOSType": expect.any(String),
    });
    const edit = makeGalleryScriptSchema({ now, stored: { supportedOSType: "Windows" } });
    const changed = {
      ...EMPTY_SCRIPT,
      name: "join",
      properties: { ...EMPTY_SCRIPT.properties, supportedOSType: "Linux" },
    };
    expect(issuesOf(edit.safeParse(changed))).toEqual({
      "properties.supportedOSType": "Changing property 'supportedOSType' is not allowed.",
    });
  });

  it("makes the body with only what was filled in", () => {
    const parsed = makeGalleryScriptSchema({ now }).parse({
      ...EMPTY_SCRIPT,
      name: "join",
      properties: { ...EMPTY_SCRIPT.properties, supportedOSType: "Windows", endOfLifeDate: "2030-01-01" },
    });
    expect(parsed.properties).toEqual({ supportedOSType: "Windows", endOfLifeDate: "2030-01-01" });
  });
});

describe("the script version form", () => {
  const values = emptyScriptVersion("westus2", "1.0.0");
  const schema = makeGalleryScriptVersionSchema({ now, existingVersionNames: ["0.9.0"], location: "westus2" });

  it("runs the shared parameter rules and puts them on the parameter's fields", () => {
    const bad = structuredClone(values);
    bad.properties.publishingProfile.source.scriptLink = "ftp://x/y.ps1";
    bad.properties.publishingProfile.source.parameters = [
      {
        name: "size",
        type: "Int",
        required: true,
        defaultValue: "big",
        description: "",
        minValue: "",
        maxValue: "",
        enumValues: "",
      },
      {
        name: "tier",
        type: "Enum",
        required: false,
        defaultValue: "gold",
        description: "",
        minValue: "",
        maxValue: "",
        enumValues: "silver, bronze",
      },
    ];
    const issues = issuesOf(schema.safeParse(bad));
    expect(Object.keys(issues)).toEqual(
      expect.arrayContaining([
        "properties.publishingProfile.source.scriptLink",
        "properties.publishingProfile.source.parameters.0.defaultValue",
        "properties.publishingProfile.source.parameters.1.defaultValue",
      ]),
    );
  });

  it("sends enum values as a list and leaves blank optional properties out", () => {
    const good = structuredClone(values);
    good.properties.publishingProfile.source.scriptLink = "https://s.blob.core.windows.net/c/run.ps1";
    good.properties.publishingProfile.source.parameters = [
      {
        name: "tier",
        type: "Enum",
        required: true,
        defaultValue: "gold",
        description: "",
        minValue: "",
        maxValue: "",
        enumValues: "gold, silver",
      },
    ];
    const parsed = schema.parse(good);
    expect(parsed.properties.publishingProfile.source.parameters).toEqual([
      { name: "tier", type: "Enum", required: true, defaultValue: "gold", enumValues: ["gold", "silver"] },
    ]);
    expect(parsed.properties.publishingProfile.targetRegions).toEqual([{ name: "westus2", excludeFromLatest: false }]);
    expect(issuesOf(schema.safeParse({ ...good, name: "0.9.0" }))).toHaveProperty("name");
  });
});

describe("edge zones of script versions", () => {
  it("sends them as targetExtendedLocations, reads them back, and places the service's zone target on the row", () => {
    const values = emptyScriptVersion("westus2", "1.0.0");
    values.properties.publishingProfile.source.scriptLink = "https://s.blob.core.windows.net/c/run.sh";
    values.properties.publishingProfile.targetExtendedLocations = [
      {
        name: "westus",
        edgeZone: " microsoftlosangeles1 ",
        extendedLocationReplicaCount: Number.NaN,
        storageAccountType: "",
      },
    ];
    const parsed = makeGalleryScriptVersionSchema({ now, existingVersionNames: [], location: "westus2" }).parse(values);
    expect(parsed.properties.publishingProfile.targetExtendedLocations).toEqual([
      { name: "westus", extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" } },
    ]);
    const reread = scriptVersionValuesOf("1.0.0", parsed.properties, []);
    expect(reread.properties.publishingProfile.targetExtendedLocations).toEqual([
      {
        name: "westus",
        edgeZone: "microsoftlosangeles1",
        extendedLocationReplicaCount: Number.NaN,
        storageAccountType: "",
      },
    ]);
    expect(
      fieldOfArmError({
        code: "InvalidParameter",
        message: "Duplicate edge zones are not allowed in target extended locations.",
        target: "galleryScriptVersion.properties.publishingProfile.targetExtendedLocations[1].extendedLocation.name",
      }),
    ).toBe("properties.publishingProfile.targetExtendedLocations.1.edgeZone");
  });
});

describe("region rules of script versions, as the form is filled in", () => {
  const schema = makeGalleryScriptVersionSchema({ now, existingVersionNames: [], location: "westus2" });
  const zone = {
    name: "westus",
    edgeZone: "microsoftlosangeles1",
    extendedLocationReplicaCount: 2,
    storageAccountType: "",
  };
  const withZones = (...zones: (typeof zone)[]) => {
    const values = emptyScriptVersion("westus2", "1.0.0");
    values.properties.publishingProfile.source.scriptLink = "https://s.blob.core.windows.net/c/run.sh";
    values.properties.publishingProfile.targetExtendedLocations = zones;
    return values;
  };

  it("puts the service's edge-zone refusals on the zone's fields before anything is sent", () => {
    expect(issuesOf(schema.safeParse(withZones(zone, { ...zone, edgeZone: " MicrosoftLosAngeles1" })))).toEqual({
      "properties.publishingProfile.targetExtendedLocations.1.edgeZone":
        "Duplicate edge zones are not allowed in target extended locations.",
    });
    expect(issuesOf(schema.safeParse(withZones({ ...zone, edgeZone: "  " })))).toEqual({
      "properties.publishingProfile.targetExtendedLocations.0.edgeZone":
        "Required parameter 'targetExtendedLocations.extendedLocation.name' is missing (null).",
    });
    expect(schema.safeParse(withZones(zone, { ...zone, name: "eastus" })).success).toBe(true);
  });

  it("requires the gallery's region among the target regions, as the service does", () => {
    const values = withZones();
    values.properties.publishingProfile.targetRegions[0]!.name = "eastus";
    expect(issuesOf(schema.safeParse(values))).toEqual({
      "properties.publishingProfile.targetRegions": expect.stringContaining("must contain the location"),
    });
  });
});

describe("the access control profile forms", () => {
  it("requires the OS type and host endpoint, fixed on an edit", () => {
    const schema = makeAccessControlProfileSchema({ stored: { osType: "Linux", applicableHostEndpoint: "IMDS" } });
    const issues = issuesOf(
      schema.safeParse({
        name: "p",
        properties: { osType: "Linux", applicableHostEndpoint: "WireServer", description: "" },
        tags: [],
      }),
    );
    expect(issues).toEqual({
      "properties.applicableHostEndpoint": "Changing property 'applicableHostEndpoint' is not allowed.",
    });
  });

  it("checks that rules refer to defined names, on the field that names them", () => {
    const values = emptyProfileVersion("westus2", "1.0.0");
    values.properties.mode = "Enforce";
    values.properties.rules = {
      privileges: [{ name: "meta", path: "/metadata", queryParameters: [{ key: "api-version", value: "2021-02-01" }] }],
      roles: [{ name: "reader", privileges: "meta, missing" }],
      identities: [{ name: "agent", userName: "root", groupName: "", exePath: "", processName: "" }],
      roleAssignments: [{ role: "writer", identities: "agent" }],
    };
    const schema = makeAccessControlProfileVersionSchema({ existingVersionNames: [], location: "westus2", now });
    expect(Object.keys(issuesOf(schema.safeParse(values))).sort()).toEqual([
      "properties.rules.roleAssignments.0.role",
      "properties.rules.roles.0.privileges",
    ]);
    values.properties.rules.roles[0]!.privileges = "meta";
    values.properties.rules.roleAssignments[0]!.role = "reader";
    const parsed = schema.parse(values);
    expect(parsed.properties.rules).toEqual({
      privileges: [{ name: "meta", path: "/metadata", queryParameters: { "api-version": "2021-02-01" } }],
      roles: [{ name: "reader", privileges: ["meta"] }],
      identities: [{ name: "agent", userName: "root" }],
      roleAssignments: [{ role: "reader", identities: ["agent"] }],
    });
    // What the service stores reads back into the same values.
    expect(profileVersionValuesOf("1.0.0", parsed.properties, []).properties.rules).toEqual(values.properties.rules);
  });

  it("judges target locations by the image version's region rules, on the location's field", () => {
    const schema = makeAccessControlProfileVersionSchema({ existingVersionNames: [], location: "westus2", now });
    const values = emptyProfileVersion("westus2", "1.0.0");
    values.properties.targetLocations.push({ ...values.properties.targetLocations[0]!, name: "West US 2" });
    expect(issuesOf(schema.safeParse(values))).toEqual({
      "properties.targetLocations.1.name": expect.stringMatching(/duplicate/i),
    });
    values.properties.targetLocations = [{ ...values.properties.targetLocations[0]!, name: "eastus" }];
    expect(issuesOf(schema.safeParse(values))).toEqual({
      "properties.targetLocations": expect.stringContaining("must contain the location"),
    });
  });

  it("puts the service's item targets on the text field that lists them", () => {
    expect(formFieldOf("properties.rules.roles.0.privileges.1")).toBe("properties.rules.roles.0.privileges");
    expect(formFieldOf("properties.rules.privileges.0.path")).toBe("properties.rules.privileges.0.path");
  });
});
