// The browser parses with zod's interpreted parsers (our CSP forbids eval); the forms are tested the same way.
import "@/lib/security/zodWithoutEval";
import { describe, expect, it } from "vitest";
import { makeGalleryCreateSchema, galleryUpdateSchema } from "@/lib/publish/galleryForm";
import {
  makeImageDefinitionCreateSchema,
  makeImageDefinitionUpdateSchema,
  identifierHint,
  type ImageDefinitionCreateValues,
} from "@/lib/publish/imageDefinitionForm";
import {
  makeImageVersionCreateSchema,
  makeImageVersionUpdateSchema,
  type ImageVersionCreateValues,
} from "@/lib/publish/imageVersionForm";
import type { SourceCandidate } from "@/lib/queries/versionSources";

/** Field → first message, as react-hook-form's zod resolver would place them. */
function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

const NOW = new Date("2026-01-01T00:00:00Z");

describe("create gallery form", () => {
  const valid = {
    subscriptionId: "s1",
    resourceGroupMode: "existing" as const,
    resourceGroupName: "rg-images",
    name: "team_images",
    location: "eastus",
    description: "",
    tags: [{ key: "env", value: "prod" }],
    softDeleteEnabled: true,
  };

  it("accepts a valid gallery and turns tags into the body's object", () => {
    const result = makeGalleryCreateSchema().safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      name: "team_images",
      description: undefined,
      tags: { env: "prod" },
      softDeleteEnabled: true,
    });
  });

  it("shows the service's name rules on the name, and ARM's trailing-character error", () => {
    expect(fieldErrors(makeGalleryCreateSchema().safeParse({ ...valid, name: "team-images" })).name).toMatch(
      /dashes, are disallowed/,
    );
    expect(fieldErrors(makeGalleryCreateSchema().safeParse({ ...valid, name: "team_images." })).name).toMatch(
      /invalid trailing characters: '\.'/,
    );
  });

  it("refuses an unknown region and a bad resource group name on their fields", () => {
    const errors = fieldErrors(
      makeGalleryCreateSchema().safeParse({ ...valid, location: "moon", resourceGroupName: "rg." }),
    );
    expect(errors.location).toMatch(/is not available for resource type 'Microsoft.Compute\/galleries'/);
    expect(errors.resourceGroupName).toMatch(/Resource group name 'rg\.' is invalid/);
  });

  it("refuses a gallery past the quota of its subscription and region", () => {
    const errors = fieldErrors(makeGalleryCreateSchema({ galleriesIn: () => 100 }).safeParse(valid));
    expect(errors.location).toMatch(/exceeding quota limits of Galleries in location 'eastus'. Maximum allowed: 100/);
    expect(makeGalleryCreateSchema({ galleriesIn: () => 99 }).safeParse(valid).success).toBe(true);
  });

  it("checks tags as ARM does", () => {
    const errors = fieldErrors(
      galleryUpdateSchema.safeParse({
        ...galleryUpdate,
        tags: [
          { key: "a/b", value: "1" },
          { key: "", value: "2" },
        ],
      }),
    );
    expect(errors["tags.0.key"]).toMatch(/reserved characters/);
    expect(errors["tags.1.key"]).toMatch(/needs a name/);
  });

  it("takes user-assigned identities by resource id, each once", () => {
    const builder =
      "/subscriptions/s1/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/builder";
    const result = galleryUpdateSchema.safeParse({
      ...galleryUpdate,
      userAssignedIdentities: [{ id: ` ${builder} ` }],
    });
    expect(result.data?.userAssignedIdentities).toEqual([{ id: builder }]);
    const errors = fieldErrors(
      galleryUpdateSchema.safeParse({
        ...galleryUpdate,
        userAssignedIdentities: [{ id: builder }, { id: builder.toUpperCase() }, { id: "builder" }, { id: "" }],
      }),
    );
    expect(errors["userAssignedIdentities.1.id"]).toBe("Already in the list.");
    expect(errors["userAssignedIdentities.2.id"]).toMatch(/named by its resource id/);
    expect(errors["userAssignedIdentities.3.id"]).toMatch(/Enter the resource id/);
    expect(errors["userAssignedIdentities.0.id"]).toBeUndefined();
  });
});

const galleryUpdate = {
  description: "x",
  tags: [],
  softDeleteEnabled: false,
  systemAssigned: true,
  userAssignedIdentities: [],
};

function definitionValues(
  overrides: Partial<ImageDefinitionCreateValues["properties"]> = {},
): ImageDefinitionCreateValues {
  return {
    name: "ubuntu-2404",
    properties: {
      identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "24.04" },
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      architecture: "x64",
      securityType: "TrustedLaunch",
      description: "",
      eula: "",
      privacyStatementUri: "",
      releaseNoteUri: "",
      endOfLifeDate: "",
      recommended: { vCPUs: { min: Number.NaN, max: Number.NaN }, memory: {} },
      disallowed: { diskTypes: false },
      purchasePlan: { name: "", publisher: "", product: "" },
      features: [],
      ...overrides,
    },
    tags: [],
  };
}

describe("create image definition form", () => {
  const schema = makeImageDefinitionCreateSchema({ now: () => NOW, location: "eastus" });

  it("builds the PUT body: blanks left out, security type as a feature", () => {
    const result = schema.safeParse(definitionValues());
    expect(result.success).toBe(true);
    expect(result.data?.properties).toEqual({
      identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "24.04" },
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      architecture: "x64",
      features: [{ name: "SecurityType", value: "TrustedLaunch" }],
    });
  });

  it("sends Standard as SecurityType=Standard, and leaves generation and security type out when left to the default", () => {
    const standard = schema.safeParse(definitionValues({ securityType: "Standard" }));
    expect(standard.data?.properties.features).toEqual([{ name: "SecurityType", value: "Standard" }]);
    const defaults = schema.safeParse(definitionValues({ hyperVGeneration: "", securityType: "" }));
    expect(defaults.success).toBe(true);
    expect(defaults.data?.properties.hyperVGeneration).toBeUndefined();
    expect(defaults.data?.properties.features).toBeUndefined();
  });

  it("puts each broken rule on its own field at once", () => {
    const errors = fieldErrors(
      schema.safeParse({
        ...definitionValues({
          identifier: { publisher: "", offer: "Ubuntu.", sku: "24.04" },
          osType: "",
          endOfLifeDate: "2025-06-01",
          recommended: { vCPUs: { min: 8, max: 2 }, memory: { min: 1.5 } },
          purchasePlan: { name: "plan", publisher: "", product: "" },
        }),
        name: "ubuntu_",
      }),
    );
    expect(errors.name).toMatch(/invalid trailing characters/);
    expect(errors["properties.identifier.publisher"]).toMatch(/It cannot be empty/);
    expect(errors["properties.identifier.offer"]).toMatch(/not allowed to end with period/);
    expect(errors["properties.osType"]).toBe("Required parameter 'galleryImage.properties.osType' is missing (null).");
    expect(errors["properties.endOfLifeDate"]).toBe("EndOfLifeDate must be set to a future date.");
    expect(errors["properties.recommended.vCPUs.min"]).toMatch(/must not be greater than the maximum/);
    expect(errors["properties.recommended.memory.min"]).toMatch(/is not a valid integer/);
    expect(errors["properties.purchasePlan.publisher"]).toMatch(/purchasePlan.publisher' is missing/);
  });

  it("hints at an identifier another visible definition already uses, ignoring case", () => {
    const hint = identifierHint({ name: "new", identifier: { publisher: "contoso", offer: "ubuntu", sku: "24.04" } }, [
      { name: "old", identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "24.04" } },
    ]);
    expect(hint?.message).toMatch(/Gallery image: old identified by/);
  });

  it("updates only what may change, and does not resend a stored end-of-life date", () => {
    const stored = {
      identifier: { publisher: "P", offer: "O", sku: "S" },
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      architecture: "x64",
    };
    const update = makeImageDefinitionUpdateSchema(() => NOW, stored, "2025-01-01");
    const base = {
      description: "",
      eula: "",
      privacyStatementUri: "",
      releaseNoteUri: "",
      recommended: { vCPUs: { min: 2, max: 4 }, memory: {} },
    };
    const kept = update.safeParse({ properties: { ...base, endOfLifeDate: "2025-01-01" }, tags: [] });
    expect(kept.success).toBe(true);
    expect(kept.data?.properties).not.toHaveProperty("endOfLifeDate");
    expect(kept.data?.properties.recommended).toEqual({ vCPUs: { min: 2, max: 4 } });
    const changed = fieldErrors(update.safeParse({ properties: { ...base, endOfLifeDate: "2025-02-01" }, tags: [] }));
    expect(changed["properties.endOfLifeDate"]).toBe("EndOfLifeDate must be set to a future date.");
  });
});

const IMAGE_ID = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/images/img-ubuntu";

function versionValues(
  overrides: Partial<ImageVersionCreateValues["properties"]["publishingProfile"]> = {},
  sourceId = IMAGE_ID,
): ImageVersionCreateValues {
  return {
    name: "1.0.1",
    properties: {
      sourceMode: "source",
      publishingProfile: {
        targetRegions: [
          { name: "eastus", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
          { name: "westeurope", regionalReplicaCount: Number.NaN, storageAccountType: "", excludeFromLatest: true },
        ],
        replicaCount: Number.NaN,
        storageAccountType: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
        replicationMode: "",
        ...overrides,
      },
      storageProfile: {
        source: { id: sourceId },
        osDiskImage: { hostCaching: "", source: { id: "" } },
        dataDiskImages: [],
      },
      safetyProfile: { blockDeletionBeforeEndOfLife: false },
    },
    tags: [],
  };
}

const candidate = (reasons: string[]): SourceCandidate => ({
  id: IMAGE_ID,
  name: "img-ubuntu",
  kind: "managedImage",
  location: "eastus",
  resourceGroup: "rg",
  subscriptionId: "s1",
  label: "img-ubuntu",
  traits: { id: IMAGE_ID },
  sizeGB: 30,
  hasOs: true,
  dataDiskLuns: [],
  reasons,
});

describe("create image version form", () => {
  const context = {
    location: "eastus",
    now: () => NOW,
    existingVersionNames: ["1.0.0"],
    findSource: () => candidate([]),
  };

  it("builds the PUT body with regions in order and defaults left to the service", () => {
    const result = makeImageVersionCreateSchema(context).safeParse(versionValues());
    expect(result.success).toBe(true);
    expect(result.data?.properties).toEqual({
      publishingProfile: {
        excludeFromLatest: false,
        targetRegions: [
          { name: "eastus", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
          { name: "westeurope", excludeFromLatest: true },
        ],
      },
      storageProfile: { source: { id: IMAGE_ID } },
    });
  });

  it("shows the service's region rules on the region rows before submit", () => {
    const errors = fieldErrors(
      makeImageVersionCreateSchema(context).safeParse(
        versionValues({
          targetRegions: [
            { name: "westus", regionalReplicaCount: 101, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
            { name: "westus", storageAccountType: "", excludeFromLatest: false },
          ],
        }),
      ),
    );
    expect(errors["properties.publishingProfile.targetRegions.0.regionalReplicaCount"]).toMatch(
      /must be between 1 and 100/,
    );
  });

  it("requires the source region, refuses duplicates and ZRS without zones", () => {
    const errors = fieldErrors(
      makeImageVersionCreateSchema(context).safeParse(
        versionValues({
          targetRegions: [
            { name: "westus", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
            { name: "westus", storageAccountType: "", excludeFromLatest: false },
          ],
        }),
      ),
    );
    expect(errors["properties.publishingProfile.targetRegions"]).toMatch(
      /must contain the location of image version eastus/,
    );
    expect(errors["properties.publishingProfile.targetRegions.1.name"]).toBe(
      "Duplicate regions are not allowed in target publishing regions.",
    );
    expect(errors["properties.publishingProfile.targetRegions.0.storageAccountType"]).toBe(
      "ZRS storage account type is not supported in this region.",
    );
  });

  it("refuses a version number that exists or is malformed, a missing source and an incompatible one", () => {
    expect(
      fieldErrors(makeImageVersionCreateSchema(context).safeParse({ ...versionValues(), name: "1.0.0" })).name,
    ).toMatch(/already exists/);
    expect(
      fieldErrors(makeImageVersionCreateSchema(context).safeParse({ ...versionValues(), name: "1.0" })).name,
    ).toMatch(/Major\(int\)\.Minor\(int\)\.Patch\(int\)/);
    expect(
      fieldErrors(makeImageVersionCreateSchema(context).safeParse(versionValues({}, "")))[
        "properties.storageProfile.source"
      ],
    ).toMatch(/One and only one source type/);
    const incompatible = {
      ...context,
      findSource: () => candidate(["The source runs Windows, but the image definition is for Linux images."]),
    };
    expect(
      fieldErrors(makeImageVersionCreateSchema(incompatible).safeParse(versionValues()))[
        "properties.storageProfile.source.id"
      ],
    ).toMatch(/runs Windows/);
  });

  it("refuses a version past the quota", () => {
    const full = { ...context, versionsInRegion: () => 10_000 };
    expect(fieldErrors(makeImageVersionCreateSchema(full).safeParse(versionValues())).name).toMatch(
      /Gallery Image Versions in location 'eastus'/,
    );
  });
});

describe("update image version form", () => {
  const stored = {
    publishingProfile: { targetRegions: [{ name: "East US" }, { name: "West Europe", regionalReplicaCount: 2 }] },
    storageProfile: { source: { id: IMAGE_ID } },
  };
  const context = { location: "eastus", now: () => NOW, stored, storedEndOfLife: "" };
  const profile = (
    targetRegions: {
      name: string;
      regionalReplicaCount?: number;
      storageAccountType: string;
      excludeFromLatest: boolean;
    }[],
  ) => ({
    properties: {
      publishingProfile: {
        targetRegions,
        replicaCount: Number.NaN,
        storageAccountType: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
      },
    },
  });

  it("needs the confirmation to remove a region holding replicas, then allows deletion of replicated locations", () => {
    const eastOnly = profile([
      { name: "East US", regionalReplicaCount: 3, storageAccountType: "", excludeFromLatest: false },
    ]);
    const unconfirmed = fieldErrors(
      makeImageVersionUpdateSchema(context).safeParse({ ...eastOnly, confirmRemoval: false }),
    );
    expect(unconfirmed.confirmRemoval).toMatch(/Removing West Europe deletes the replicas there/);
    const confirmed = makeImageVersionUpdateSchema(context).safeParse({ ...eastOnly, confirmRemoval: true });
    expect(confirmed.data).toMatchObject({
      safetyProfile: { allowDeletionOfReplicatedLocations: true },
      removedRegions: ["West Europe"],
      publishingProfile: { targetRegions: [{ name: "East US", regionalReplicaCount: 3 }] },
    });
  });

  it("adds regions without a confirmation", () => {
    const more = profile([
      { name: "East US", storageAccountType: "", excludeFromLatest: false },
      { name: "West Europe", storageAccountType: "", excludeFromLatest: false },
      { name: "northeurope", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS", excludeFromLatest: false },
    ]);
    const result = makeImageVersionUpdateSchema(context).safeParse({ ...more, confirmRemoval: false });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("safetyProfile");
  });
});
