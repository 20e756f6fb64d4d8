// The browser parses with zod's interpreted parsers (our CSP forbids eval); the forms are tested the same way.
import "@/lib/security/zodWithoutEval";
import { describe, expect, it } from "vitest";
import { DIRECT_SHARED_ENCRYPTION_MESSAGE } from "@/lib/gallery/encryption";
import {
  emptyRegionEncryption,
  emptyUefiSettings,
  encryptionFieldOfError,
  imageVersionPropertiesBody,
  makeImageVersionCreateSchema,
  type ImageVersionCreatePropertiesValues,
  type ImageVersionCreateValues,
  type TargetRegionRow,
} from "./imageVersionForm";

const SUB = "00000000-0000-0000-0000-000000000001";
const des = (name: string, sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/${name}`;
const ACCOUNT = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/vhds`;
const URI = "https://vhds.blob.core.windows.net/vhds/ubuntu.vhd";

function region(name: string, extra: Partial<TargetRegionRow> = {}): TargetRegionRow {
  return {
    name,
    regionalReplicaCount: Number.NaN,
    storageAccountType: "",
    excludeFromLatest: false,
    encryption: emptyRegionEncryption(),
    additionalReplicaSets: [],
    ...extra,
  };
}

function values(properties: Partial<ImageVersionCreatePropertiesValues> = {}): ImageVersionCreateValues {
  return {
    name: "1.0.0",
    properties: {
      sourceMode: "vhd",
      publishingProfile: {
        targetRegions: [
          region("westeurope", { encryption: { ...emptyRegionEncryption(), osDiskEncryptionSetId: des("west") } }),
          region("northeurope", { encryption: { ...emptyRegionEncryption(), osDiskEncryptionSetId: des("north") } }),
        ],
        replicaCount: Number.NaN,
        storageAccountType: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
        replicationMode: "",
        targetExtendedLocations: [
          { name: "westus", edgeZone: "microsoftlosangeles1", extendedLocationReplicaCount: 2, storageAccountType: "" },
        ],
      },
      storageProfile: {
        source: { id: "", communityGalleryImageId: "" },
        osDiskImage: { hostCaching: "", source: { id: "", storageAccountId: ACCOUNT, uri: URI } },
        dataDiskImages: [],
      },
      safetyProfile: { blockDeletionBeforeEndOfLife: false },
      ...properties,
    },
    tags: [],
  };
}

const context = {
  location: "westeurope",
  now: () => new Date("2026-01-01T00:00:00Z"),
  existingVersionNames: [],
  subscriptionId: SUB,
  definitionSecurityType: "TrustedLaunchAndConfidentialVMSupported",
};

function fieldErrors(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.map(String).join("."), issue.message]),
  );
}

describe("the version form's publishing options", () => {
  it("sends a VHD source, per-region sets, an edge zone and additional replica sets as the API spells them", () => {
    const form = values();
    form.properties.publishingProfile.targetRegions[0]!.additionalReplicaSets = [
      { storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 3 },
    ];
    const result = makeImageVersionCreateSchema(context).safeParse(form);
    expect(result.success).toBe(true);
    const body = imageVersionPropertiesBody(form.properties);
    expect(body.storageProfile).toEqual({ osDiskImage: { source: { storageAccountId: ACCOUNT, uri: URI } } });
    expect(body.publishingProfile).toMatchObject({
      targetRegions: [
        {
          name: "westeurope",
          excludeFromLatest: false,
          encryption: { osDiskImage: { diskEncryptionSetId: des("west") } },
          additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 3 }],
        },
        { name: "northeurope", encryption: { osDiskImage: { diskEncryptionSetId: des("north") } } },
      ],
      targetExtendedLocations: [
        {
          name: "westus",
          extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
          extendedLocationReplicaCount: 2,
        },
      ],
    });
  });

  it("sends VHD data disks with their LUN, caching and blob, encrypted per LUN, and refuses a blob of another account", () => {
    const form = values();
    const DATA_URI = "https://vhds.blob.core.windows.net/vhds/data.vhd";
    form.properties.storageProfile.dataDiskImages = [
      { lun: 2, hostCaching: "ReadOnly", source: { id: "", storageAccountId: ACCOUNT, uri: DATA_URI } },
    ];
    for (const row of form.properties.publishingProfile.targetRegions)
      row.encryption!.dataDisks = { lun2: des(row.name === "westeurope" ? "west" : "north") };
    expect(makeImageVersionCreateSchema(context).safeParse(form).success).toBe(true);
    const body = imageVersionPropertiesBody(form.properties);
    expect(body.storageProfile).toEqual({
      osDiskImage: { source: { storageAccountId: ACCOUNT, uri: URI } },
      dataDiskImages: [{ lun: 2, hostCaching: "ReadOnly", source: { storageAccountId: ACCOUNT, uri: DATA_URI } }],
    });
    expect(body.publishingProfile).toMatchObject({
      targetRegions: [
        { encryption: { dataDiskImages: [{ lun: 2, diskEncryptionSetId: des("west") }] } },
        { encryption: { dataDiskImages: [{ lun: 2, diskEncryptionSetId: des("north") }] } },
      ],
    });

    form.properties.storageProfile.dataDiskImages[0]!.source.uri = "https://elsewhere.blob.core.windows.net/vhds/d.vhd";
    form.properties.storageProfile.dataDiskImages.push({
      lun: 64,
      hostCaching: "",
      source: { id: "", storageAccountId: ACCOUNT, uri: DATA_URI },
    });
    const errors = fieldErrors(makeImageVersionCreateSchema(context).safeParse(form));
    expect(errors["properties.storageProfile.dataDiskImages.0.source.uri"]).toContain(
      "does not belong to the storage account",
    );
    expect(errors["properties.storageProfile.dataDiskImages.1.lun"]).toContain("must be between 0 and 63");
  });

  it("puts a region left without the OS disk's set on that region's field", () => {
    const form = values();
    // A region added in the form holds only the fields its controls registered.
    form.properties.publishingProfile.targetRegions[1]!.encryption = {
      osDiskEncryptionSetId: "",
    } as unknown as ReturnType<typeof emptyRegionEncryption>;
    const errors = fieldErrors(makeImageVersionCreateSchema(context).safeParse(form));
    expect(errors["properties.publishingProfile.targetRegions.1.encryption.osDiskEncryptionSetId"]).toContain(
      "A disk encryption set is required for disk",
    );
  });

  it("refuses encryption in a directly shared gallery and confidential encryption in a Trusted Launch definition", () => {
    const shared = fieldErrors(
      makeImageVersionCreateSchema({ ...context, sharingPermissions: "Groups" }).safeParse(values()),
    );
    expect(shared["properties.publishingProfile.targetRegions.0.encryption.osDiskEncryptionSetId"]).toBe(
      DIRECT_SHARED_ENCRYPTION_MESSAGE,
    );
    const form = values();
    form.properties.publishingProfile.targetRegions[0]!.encryption!.confidentialVMEncryptionType = "EncryptedWithPmk";
    const trusted = fieldErrors(
      makeImageVersionCreateSchema({ ...context, definitionSecurityType: "TrustedLaunch" }).safeParse(form),
    );
    expect(trusted["properties.publishingProfile.targetRegions.0.encryption.confidentialVMEncryptionType"]).toContain(
      "this one is TrustedLaunch",
    );
  });

  it("sends a community image as the source and UEFI keys one value a line", () => {
    const uefi = emptyUefiSettings();
    uefi.signatureTemplateNames = ["MicrosoftUefiCertificateAuthorityTemplate"];
    uefi.db = [{ type: "sha256", values: "aa11\n\n bb22 \n" }];
    const form = values({
      sourceMode: "community",
      storageProfile: {
        source: { id: "", communityGalleryImageId: "/CommunityGalleries/pub-1/Images/ubuntu/Versions/1.0.0" },
        osDiskImage: { hostCaching: "", source: { id: "" } },
        dataDiskImages: [],
      },
      securityProfile: { uefiSettings: uefi },
    });
    const body = imageVersionPropertiesBody(form.properties);
    expect(body.storageProfile).toEqual({
      source: { communityGalleryImageId: "/CommunityGalleries/pub-1/Images/ubuntu/Versions/1.0.0" },
    });
    expect(body.securityProfile).toEqual({
      uefiSettings: {
        signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
        additionalSignatures: { db: [{ type: "sha256", value: ["aa11", "bb22"] }] },
      },
    });
    const standard = fieldErrors(
      makeImageVersionCreateSchema({ ...context, definitionSecurityType: "Standard" }).safeParse(form),
    );
    expect(standard["properties.securityProfile.uefiSettings"]).toContain("this one is Standard");
  });

  it("encrypts each data disk of an image source with its own set per region, by the source's LUNs", () => {
    const IMAGE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/images/with-data`;
    const form = values({
      sourceMode: "source",
      storageProfile: {
        source: { id: IMAGE },
        osDiskImage: { hostCaching: "", source: { id: "" } },
        dataDiskImages: [],
      },
    });
    const [west, north] = form.properties.publishingProfile.targetRegions;
    west!.encryption!.dataDisks = { lun0: des("west-data0"), lun3: des("west-data3") };
    north!.encryption!.dataDisks = { lun0: des("north-data0") };
    const withLuns = { ...context, findSource: () => ({ dataDiskLuns: [0, 3], reasons: [] }) as never };
    // North Europe leaves LUN 3 without the set West Europe gives it: refused on North Europe's LUN 3 field.
    const errors = fieldErrors(makeImageVersionCreateSchema(withLuns).safeParse(form));
    expect(errors["properties.publishingProfile.targetRegions.1.encryption.dataDisks.lun3"]).toContain(
      "A disk encryption set is required for disk 'LUN 3' in target region 'northeurope'",
    );
    north!.encryption!.dataDisks.lun3 = des("north-data3");
    const result = makeImageVersionCreateSchema(withLuns).safeParse(form);
    expect(result.success).toBe(true);
    const regions = (result.data!.properties.publishingProfile as { targetRegions: { encryption?: unknown }[] })
      .targetRegions;
    expect(regions.map((region) => region.encryption)).toEqual([
      {
        osDiskImage: { diskEncryptionSetId: des("west") },
        dataDiskImages: [
          { lun: 0, diskEncryptionSetId: des("west-data0") },
          { lun: 3, diskEncryptionSetId: des("west-data3") },
        ],
      },
      {
        osDiskImage: { diskEncryptionSetId: des("north") },
        dataDiskImages: [
          { lun: 0, diskEncryptionSetId: des("north-data0") },
          { lun: 3, diskEncryptionSetId: des("north-data3") },
        ],
      },
    ]);
    // Without the source's LUNs (a typed id the picker does not know), no data disk set is sent.
    expect(imageVersionPropertiesBody(form.properties).publishingProfile).not.toHaveProperty(
      "targetRegions.0.encryption.dataDiskImages",
    );
  });

  it("encrypts an edge zone with its own set, and refuses it in a directly shared gallery on the zone's field", () => {
    const form = values();
    form.properties.publishingProfile.targetExtendedLocations![0]!.encryption = { osDiskEncryptionSetId: des("lax") };
    const result = makeImageVersionCreateSchema(context).safeParse(form);
    expect(result.success).toBe(true);
    const zones = (result.data!.properties.publishingProfile as { targetExtendedLocations: { encryption?: unknown }[] })
      .targetExtendedLocations;
    expect(zones[0]!.encryption).toEqual({ osDiskImage: { diskEncryptionSetId: des("lax") } });

    // Only the zone is encrypted: a directly shared gallery refuses it on the zone's own field.
    for (const region of form.properties.publishingProfile.targetRegions) region.encryption = emptyRegionEncryption();
    const errors = fieldErrors(
      makeImageVersionCreateSchema({ ...context, sharingPermissions: "Groups" }).safeParse(form),
    );
    expect(errors["properties.publishingProfile.targetExtendedLocations.0.encryption.osDiskEncryptionSetId"]).toBe(
      DIRECT_SHARED_ENCRYPTION_MESSAGE,
    );
  });

  it("places the service's encryption errors on the row its message names", () => {
    const rows = values().properties.publishingProfile.targetRegions;
    expect(
      encryptionFieldOfError(
        {
          target:
            "galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.osDiskImage.diskEncryptionSetId",
          message: `The disk encryption set ${des("north")} was not found.`,
        },
        rows,
      ),
    ).toBe("properties.publishingProfile.targetRegions.1.encryption.osDiskEncryptionSetId");
    expect(
      encryptionFieldOfError(
        {
          target:
            "galleryArtifactVersion.properties.publishingProfile.targetRegions.encryption.dataDiskImages.diskEncryptionSetId",
          message: `Cannot specify new data disk image encryption lun [2] with a disk encryption set in region [northeurope] for update gallery image version request.`,
        },
        rows,
      ),
    ).toBe("properties.publishingProfile.targetRegions.1.encryption.dataDisks.lun2");
    expect(encryptionFieldOfError({ target: "galleryImageVersion.properties.storageProfile" }, rows)).toBeUndefined();
  });
});
