import { describe, expect, it } from "vitest";
import {
  diskResourceId,
  galleryImageVersionResourceId,
  managedImageResourceId,
  snapshotResourceId,
  virtualMachineResourceId,
} from "../azure/resourceId";
import {
  checkImageVersionUpdate,
  admitsUefiSettings,
  checkUefiSettings,
  DUPLICATE_EDGE_ZONES_MESSAGE,
  makeGalleryImageVersionPropertiesSchema,
  removedTargetRegions,
  validateImageVersionRules,
  type GalleryImageVersionProperties,
} from "./galleryImageVersion";

const sub = "00000000-0000-0000-0000-000000000001";
const image = managedImageResourceId(sub, "rg", "golden");
const now = new Date("2026-01-01T00:00:00Z");
const context = { location: "westeurope", now };

function body(overrides: Partial<GalleryImageVersionProperties> = {}): GalleryImageVersionProperties {
  return { storageProfile: { source: { id: image } }, ...overrides };
}

function messages(properties: GalleryImageVersionProperties): string[] {
  return validateImageVersionRules(properties, context).map((violation) => violation.message);
}

describe("image version sources", () => {
  it("accepts a managed image, a VM, another version, or disks and snapshots", () => {
    expect(messages(body())).toEqual([]);
    expect(
      messages(body({ storageProfile: { source: { virtualMachineId: virtualMachineResourceId(sub, "rg", "vm") } } })),
    ).toEqual([]);
    expect(
      messages(
        body({ storageProfile: { source: { id: galleryImageVersionResourceId(sub, "rg", "g", "i", "1.0.0") } } }),
      ),
    ).toEqual([]);
    expect(
      messages(
        body({
          storageProfile: {
            osDiskImage: { source: { id: diskResourceId(sub, "rg", "os") } },
            dataDiskImages: [{ lun: 0, source: { id: snapshotResourceId(sub, "rg", "data0") } }],
          },
        }),
      ),
    ).toEqual([]);
  });

  it("requires exactly one source type", () => {
    const expected = expect.stringContaining("One and only one source type");
    expect(messages(body({ storageProfile: {} }))).toEqual([expected]);
    expect(
      messages(
        body({
          storageProfile: { source: { id: image, virtualMachineId: virtualMachineResourceId(sub, "rg", "vm") } },
        }),
      ),
    ).toEqual([expected]);
    expect(
      messages(
        body({
          storageProfile: { source: { id: image }, osDiskImage: { source: { id: diskResourceId(sub, "rg", "os") } } },
        }),
      ),
    ).toEqual([expected]);
  });

  it("refuses sources of the wrong kind and malformed ids", () => {
    expect(messages(body({ storageProfile: { source: { id: diskResourceId(sub, "rg", "d") } } }))).toEqual([
      `The source id: ${diskResourceId(sub, "rg", "d")} must either be a managed image, virtual machine or another gallery image version`,
    ]);
    expect(messages(body({ storageProfile: { osDiskImage: { source: { id: image } } } }))).toEqual([
      `The source id: ${image} must be a managed disk or snapshot.`,
    ]);
    expect(messages(body({ storageProfile: { source: { id: "golden" } } }))[0]).toBe(
      "Property id 'golden' at path 'properties.storageProfile.source.id' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.",
    );
  });

  it("refuses duplicate LUNs, duplicate disk sources and an OS disk shared with a data disk", () => {
    const os = diskResourceId(sub, "rg", "os");
    const data = diskResourceId(sub, "rg", "data");
    const violations = validateImageVersionRules(
      body({
        storageProfile: {
          osDiskImage: { source: { id: os } },
          dataDiskImages: [
            { lun: 0, source: { id: data } },
            { lun: 0, source: { id: data.toUpperCase() } },
            { lun: 2, source: { id: os } },
          ],
        },
      }),
      context,
    );
    expect(violations.map((violation) => [violation.message, violation.target])).toEqual([
      [
        `OSDiskImage and DataDiskImage cannot point to same blob ${os}`,
        "galleryImageVersion.properties.storageProfile.dataDiskImages[2].source.id",
      ],
      [
        "Duplicated source ids are found in the input disks. Source id should be unique for each disk.",
        "galleryImageVersion.properties.storageProfile.dataDiskImages[1].source.id",
      ],
      [
        "Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each data disk.",
        "galleryImageVersion.properties.storageProfile.dataDiskImages[1].lun",
      ],
    ]);
  });
});

describe("target regions", () => {
  it("must include the version's own location, in any spelling", () => {
    expect(
      messages(body({ publishingProfile: { targetRegions: [{ name: "West Europe" }, { name: "eastus" }] } })),
    ).toEqual([]);
    expect(
      messages(body({ publishingProfile: { targetRegions: [{ name: "East US" }, { name: "North Europe" }] } })),
    ).toEqual([
      "Gallery image version publishing profile regions East US, North Europe must contain the location of image version westeurope.",
    ]);
  });

  it("refuses duplicates after normalisation and unknown regions", () => {
    const violations = validateImageVersionRules(
      body({
        publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "West Europe" }, { name: "atlantis" }] },
      }),
      context,
    );
    expect(violations.map((violation) => violation.code)).toEqual([
      "LocationNotAvailableForResourceType",
      "InvalidParameter",
    ]);
    expect(violations[1]).toMatchObject({
      message: "Duplicate regions are not allowed in target publishing regions.",
      target: "galleryImageVersion.properties.publishingProfile.targetRegions[1].name",
    });
  });

  it("allows ZRS only where the region has availability zones, regional or inherited", () => {
    expect(
      messages(
        body({ publishingProfile: { storageAccountType: "Standard_ZRS", targetRegions: [{ name: "westeurope" }] } }),
      ),
    ).toEqual([]);
    const inherited = validateImageVersionRules(
      body({
        publishingProfile: {
          storageAccountType: "Standard_ZRS",
          targetRegions: [{ name: "westeurope" }, { name: "northcentralus" }],
        },
      }),
      context,
    );
    expect(inherited).toEqual([
      {
        status: 400,
        code: "InvalidParameter",
        message: "ZRS storage account type is not supported in this region.",
        target: "galleryImageVersion.properties.publishingProfile.storageAccountType",
      },
    ]);
    const regional = validateImageVersionRules(
      body({
        publishingProfile: {
          targetRegions: [{ name: "westeurope" }, { name: "ukwest", storageAccountType: "Standard_ZRS" }],
        },
      }),
      context,
    );
    expect(regional[0]?.target).toBe(
      "galleryImageVersion.properties.publishingProfile.targetRegions[1].storageAccountType",
    );
  });

  it("requires a future end-of-life date", () => {
    expect(messages(body({ publishingProfile: { endOfLifeDate: "2025-06-01" } }))).toEqual([
      "EndOfLifeDate must be set to a future date.",
    ]);
  });
});

describe("the schema", () => {
  const schema = makeGalleryImageVersionPropertiesSchema(() => context);

  it("bounds replica counts to 1..100", () => {
    expect(schema.safeParse(body({ publishingProfile: { replicaCount: 100 } })).success).toBe(true);
    expect(schema.safeParse({ ...body(), publishingProfile: { replicaCount: 0 } }).error?.issues[0]?.message).toBe(
      "The value 0 of parameter galleryImageVersion.properties.publishingProfile.replicaCount is out of range. The value must be between 1 and 100, inclusive.",
    );
    expect(
      schema.safeParse({
        ...body(),
        publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 101 }] },
      }).error?.issues[0],
    ).toMatchObject({
      path: ["publishingProfile", "targetRegions", 0, "regionalReplicaCount"],
      message: expect.stringContaining("between 1 and 100"),
    });
  });

  it("lists allowed storage account types and replication modes", () => {
    const issues = schema.safeParse({
      ...body(),
      publishingProfile: { storageAccountType: "Ultra_LRS", replicationMode: "Partial" },
    }).error?.issues;
    expect(issues?.map((issue) => issue.message)).toEqual([
      "The value 'Ultra_LRS' of parameter 'galleryImageVersion.properties.publishingProfile.storageAccountType' is invalid. Allowed values are 'Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'.",
      "The value 'Partial' of parameter 'galleryImageVersion.properties.publishingProfile.replicationMode' is invalid. Allowed values are 'Full', 'Shallow'.",
    ]);
  });

  it("reports cross-field rules on the field they concern", () => {
    const result = schema.safeParse({ ...body(), publishingProfile: { targetRegions: [{ name: "eastus" }] } });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["publishingProfile", "targetRegions"],
      message: expect.stringContaining("must contain the location"),
    });
  });
});

describe("updates", () => {
  const stored = body({
    publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "eastus" }] },
    storageProfile: { source: { id: image }, dataDiskImages: [{ lun: 0 }] },
  });

  it("allows changing regions' replica counts, exclusion and end of life", () => {
    expect(
      checkImageVersionUpdate(
        stored,
        body({
          publishingProfile: {
            targetRegions: [
              { name: "West Europe", regionalReplicaCount: 4 },
              { name: "East US", excludeFromLatest: true },
              { name: "uksouth" },
            ],
          },
          storageProfile: { source: { id: image.toLowerCase() }, dataDiskImages: [{ lun: 0 }] },
        }),
        "westeurope",
      ),
    ).toBeUndefined();
  });

  it("refuses a new source id with 409 PropertyChangeNotAllowed", () => {
    expect(
      checkImageVersionUpdate(
        stored,
        body({ ...stored, storageProfile: { source: { id: managedImageResourceId(sub, "rg", "other") } } }),
        "westeurope",
      ),
    ).toEqual({
      status: 409,
      code: "PropertyChangeNotAllowed",
      message: "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed.",
      target: "galleryImageVersion.properties.storageProfile.source.id",
    });
  });

  it("refuses new data disks or LUNs", () => {
    expect(
      checkImageVersionUpdate(
        stored,
        { ...stored, storageProfile: { source: { id: image }, dataDiskImages: [{ lun: 1 }] } },
        "westeurope",
      ),
    ).toMatchObject({
      status: 409,
      message: "Adding new Data Disks or changing the LUN of a Data Disk in an existing Image is not allowed.",
    });
  });

  it("refuses removing a replicated region unless the safety profile allows it", () => {
    const withoutEastUs = { ...stored, publishingProfile: { targetRegions: [{ name: "westeurope" }] } };
    expect(removedTargetRegions(stored, withoutEastUs, "westeurope")).toEqual(["East US"]);
    expect(checkImageVersionUpdate(stored, withoutEastUs, "westeurope")?.message).toContain("'East US'");
    expect(
      checkImageVersionUpdate(
        stored,
        { ...withoutEastUs, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
        "westeurope",
      ),
    ).toBeUndefined();
  });
});

describe("edge zones", () => {
  const edge = (name: string, zone: string) => ({ name, extendedLocation: { name: zone, type: "EdgeZone" as const } });

  it("accepts distinct edge zones in known regions", () => {
    expect(
      messages(
        body({
          publishingProfile: {
            targetExtendedLocations: [edge("westus", "microsoftlosangeles1"), edge("eastus", "microsoftnewyork1")],
          },
        }),
      ),
    ).toEqual([]);
  });

  it("refuses an unknown region, a blank zone and the same zone twice", () => {
    const violations = validateImageVersionRules(
      body({
        publishingProfile: {
          targetExtendedLocations: [
            edge("atlantis", "zone1"),
            edge("westus", " "),
            edge("westus", "microsoftlosangeles1"),
            edge("West US", "MicrosoftLosAngeles1"),
          ],
        },
      }),
      context,
    );
    expect(violations.map((violation) => violation.target)).toEqual([
      "galleryImageVersion.properties.publishingProfile.targetExtendedLocations[0].name",
      "galleryImageVersion.properties.publishingProfile.targetExtendedLocations[1].extendedLocation.name",
      "galleryImageVersion.properties.publishingProfile.targetExtendedLocations[3].extendedLocation.name",
    ]);
    expect(violations[2]?.message).toBe(DUPLICATE_EDGE_ZONES_MESSAGE);
  });
});

describe("UEFI settings", () => {
  const uefi = { uefiSettings: { signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate" as const] } };

  it("are taken by definitions Trusted Launch or confidential VMs can boot, not by Standard ones", () => {
    expect(checkUefiSettings(uefi, "TrustedLaunch")).toBeUndefined();
    expect(checkUefiSettings(uefi, "ConfidentialVMSupported")).toBeUndefined();
    expect(checkUefiSettings(uefi, "Standard")?.target).toBe(
      "galleryImageVersion.properties.securityProfile.uefiSettings",
    );
    expect(checkUefiSettings(uefi, undefined)?.message).toContain("this one is Standard");
    expect(checkUefiSettings(undefined, "Standard")).toBeUndefined();
  });

  it("are offered by the forms for the same definitions", () => {
    expect(admitsUefiSettings("TrustedLaunchSupported")).toBe(true);
    expect(admitsUefiSettings("ConfidentialVM")).toBe(true);
    expect(admitsUefiSettings("Standard")).toBe(false);
    expect(admitsUefiSettings(undefined)).toBe(false);
  });
});
