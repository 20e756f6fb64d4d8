import { describe, expect, it } from "vitest";
import { fieldOfArmError, explainPublishError } from "@/lib/publish/fieldErrors";
import { sourceCandidates, type SourceRow } from "@/lib/queries/versionSources";
import { UsageIndex } from "@/lib/queries/galleryUsage";

const RG = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute";

const rows: SourceRow[] = [
  {
    id: `${RG}/images/img-linux`,
    name: "img-linux",
    type: "microsoft.compute/images",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: {
      hyperVGeneration: "V2",
      storageProfile: {
        osDisk: { osType: "Linux", osState: "Generalized", diskSizeGB: 30 },
        dataDisks: [{ lun: 0, diskSizeGB: 10 }],
      },
    },
  },
  {
    id: `${RG}/images/img-windows`,
    name: "img-windows",
    type: "microsoft.compute/images",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: {
      hyperVGeneration: "V1",
      storageProfile: { osDisk: { osType: "Windows", osState: "Generalized", diskSizeGB: 127 } },
    },
  },
  {
    id: `${RG}/images/img-linux-west`,
    name: "img-linux-west",
    type: "microsoft.compute/images",
    location: "westus2",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: {
      hyperVGeneration: "V2",
      storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", diskSizeGB: 30 } },
    },
  },
  {
    id: `${RG}/disks/vm1-os`,
    name: "vm1-os",
    type: "microsoft.compute/disks",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: { osType: "Linux", hyperVGeneration: "V1", diskSizeGB: 64 },
  },
  {
    id: `${RG}/virtualMachines/vm1`,
    name: "vm1",
    type: "microsoft.compute/virtualmachines",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: { storageProfile: { osDisk: { osType: "Linux", managedDisk: { id: `${RG}/disks/vm1-os` } } } },
  },
  {
    id: `${RG}/galleries/g/images/linux-def`,
    name: "linux-def",
    type: "microsoft.compute/galleries/images",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" },
  },
  {
    id: `${RG}/galleries/g/images/linux-def/versions/1.0.0`,
    name: "1.0.0",
    type: "microsoft.compute/galleries/images/versions",
    location: "westus2",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: {
      publishingProfile: { targetRegions: [{ name: "West US 2" }, { name: "East US" }] },
      storageProfile: { osDiskImage: { sizeInGB: 30 } },
    },
  },
];

describe("sourceCandidates", () => {
  const candidates = sourceCandidates(
    rows,
    { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" },
    "eastus",
  );
  const byName = (name: string) => candidates.find((candidate) => candidate.name === name)!;

  it("offers compatible sources in the version's region, with their size", () => {
    expect(byName("img-linux").reasons).toEqual([]);
    expect(byName("img-linux").sizeGB).toBe(40);
    // Its data disks' LUNs: where the version form offers a disk encryption set per region.
    expect(byName("img-linux").dataDiskLuns).toEqual([0]);
    expect(byName("1.0.0")).toMatchObject({
      reasons: [],
      label: "g/linux-def/1.0.0",
      traits: { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2" },
    });
  });

  it("explains why the others cannot be picked", () => {
    expect(byName("img-windows").reasons).toEqual([
      "The source runs Windows, but the image definition is for Linux images.",
      "The source is Hyper-V generation V1, but the image definition is for generation V2.",
    ]);
    expect(byName("img-linux-west").reasons).toEqual([
      "It is in West US 2; a version is created in its gallery's region, East US, and takes sources from there only.",
    ]);
    // The VM's generation comes from its OS disk.
    expect(byName("vm1").reasons).toEqual([
      "The source is Hyper-V generation V1, but the image definition is for generation V2.",
    ]);
  });

  it("lists compatible sources first and leaves definitions out", () => {
    expect(candidates.map((candidate) => candidate.name)).not.toContain("linux-def");
    expect(candidates.findIndex((candidate) => candidate.reasons.length > 0)).toBeGreaterThan(
      candidates.findLastIndex((candidate) => candidate.reasons.length === 0),
    );
  });
});

describe("fieldOfArmError", () => {
  it("turns ARM targets into form field names", () => {
    expect(fieldOfArmError({ code: "InvalidParameter", target: "galleryImage.properties.identifier.sku" })).toBe(
      "properties.identifier.sku",
    );
    expect(
      fieldOfArmError({
        code: "InvalidParameter",
        target: "galleryImageVersion.properties.publishingProfile.targetRegions[1].name",
      }),
    ).toBe("properties.publishingProfile.targetRegions.1.name");
    expect(fieldOfArmError({ code: "GalleryNameNotUnique", target: "galleryName" }, { galleryName: "name" })).toBe(
      "name",
    );
  });

  it("places errors without a target by their code or message", () => {
    expect(
      fieldOfArmError({
        code: "OperationNotAllowed",
        message:
          "Gallery image: a identified by (publisher:P, offer:O, sku:S) already exists. Choose a different publisher, offer, sku combination.",
      }),
    ).toBe("properties.identifier");
    expect(fieldOfArmError({ code: "InvalidResourceLocation", target: "location", message: "…" })).toBe("name");
    expect(fieldOfArmError({ code: "Conflict", message: "Something else" })).toBeUndefined();
  });

  it("explains a gallery name taken in the subscription", () => {
    expect(
      explainPublishError({ code: "GalleryNameNotUnique", message: "A gallery with name 'x' already exists" }).fix,
    ).toBe("Choose another name.");
  });
});

describe("UsageIndex", () => {
  it("counts per subscription and region against the limits, warning from 80%", () => {
    const index = new UsageIndex([
      { subscriptionId: "S1", type: "microsoft.compute/galleries", location: "eastus", count_: 80 },
      { subscriptionId: "s1", type: "Microsoft.Compute/galleries/images/versions", location: "East US", count_: 12 },
      { subscriptionId: "s1", type: "microsoft.compute/galleries", location: "westus", count_: 3 },
    ]);
    const east = index.at("s1", "eastus").usages;
    expect(east.galleries).toMatchObject({ used: 80, limit: 100, warning: true });
    expect(east.imageVersions).toMatchObject({ used: 12, limit: 10_000, warning: false });
    expect(index.at("s1", "westus").usages.galleries.warning).toBe(false);
    expect(index.at("s2", "eastus").usages.galleries.used).toBe(0);
    expect(index.all()).toHaveLength(2);
  });
});

describe("sourceCandidates: architecture, security type and disk controller", () => {
  const disk = (name: string, properties: Record<string, unknown>): SourceRow => ({
    id: `${RG}/disks/${name}`,
    name,
    type: "microsoft.compute/disks",
    location: "eastus",
    subscriptionId: "s1",
    resourceGroup: "rg",
    properties: { osType: "Linux", hyperVGeneration: "V2", diskSizeGB: 30, ...properties },
  });
  const candidates = sourceCandidates(
    [
      disk("arm", { supportedCapabilities: { architecture: "Arm64" } }),
      disk("tl", { securityProfile: { securityType: "TrustedLaunch" } }),
      disk("nvme", { supportedCapabilities: { architecture: "x64", diskControllerTypes: "NVMe" } }),
    ],
    { osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", features: [] },
    "eastus",
  );
  const reasons = (name: string) => candidates.find((candidate) => candidate.name === name)!.reasons;

  it("reads them from the disk's Resource Graph row and says why each cannot be used", () => {
    expect(reasons("arm")).toEqual(["The source is built for Arm64, but the image definition is for x64 images."]);
    expect(reasons("tl")[0]).toContain("The source is Trusted Launch (TrustedLaunch)");
    expect(reasons("nvme")[0]).toContain("supports NVMe only");
  });
});
