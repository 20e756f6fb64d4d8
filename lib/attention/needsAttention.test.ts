import { describe, expect, it } from "vitest";
import { limitUsage } from "@/lib/gallery/limits";
import { type ImageConsumer, ImageUsage } from "@/lib/lifecycle/usage";
import { type AttentionVersion, needsAttention, versionsToExpand } from "./needsAttention";

const now = new Date("2026-06-01T12:00:00Z");
const DEF = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/ubuntu";

function version(
  name: string,
  properties: AttentionVersion["properties"] = {},
  regions: string[] = ["westeurope", "northeurope"],
): AttentionVersion {
  return {
    id: `${DEF}/versions/${name}`,
    name,
    location: "westeurope",
    properties: {
      provisioningState: "Succeeded",
      ...properties,
      publishingProfile: {
        targetRegions: regions.map((r) => ({ name: r })),
        publishedDate: "2026-05-01T00:00:00Z",
        ...properties.publishingProfile,
      },
    },
  };
}

describe("needsAttention", () => {
  it("is empty when every version is replicated, in life and unflagged", () => {
    expect(needsAttention({ now, versions: [version("1.0.0"), version("2.0.0")] })).toEqual([]);
  });

  it("lists the regions whose replication failed, with the service's details and the fix", () => {
    const failed = version("1.1.0", {
      provisioningState: "Failed",
      replicationStatus: {
        summary: [
          { region: "West Europe", state: "Completed", progress: 100 },
          { region: "North Europe", state: "Failed", details: "The data disk is larger than 1023 GB." },
        ],
      },
    });
    const [item] = needsAttention({ now, versions: [failed] });
    expect(item).toMatchObject({
      kind: "replicationFailed",
      severity: "error",
      where: "g/ubuntu/1.1.0",
      regions: ["northeurope"],
      resourceId: failed.id,
    });
    expect(item!.title).toBe("Replication failed in North Europe. The data disk is larger than 1023 GB.");
    expect(item!.fix).toMatch(/run the create or update of the version again/);
  });

  it("reports a failed version whose replication status was not read", () => {
    const items = needsAttention({ now, versions: [version("1.1.0", { provisioningState: "Failed" })] });
    expect(items.map((i) => i.kind)).toEqual(["replicationFailed"]);
  });

  it("calls replication running more than six hours stalled, and not before", () => {
    const running = (publishedDate: string) =>
      version("3.0.0", {
        provisioningState: "Creating",
        publishingProfile: { publishedDate },
        replicationStatus: { summary: [{ region: "westeurope", state: "Replicating", progress: 40 }] },
      });
    expect(needsAttention({ now, versions: [running("2026-06-01T05:00:00Z")] })).toMatchObject([
      { kind: "replicationStalled", severity: "warning", regions: ["westeurope"] },
    ]);
    expect(needsAttention({ now, versions: [running("2026-06-01T09:00:00Z")] })).toEqual([]);
  });

  it("finds latest past end of life per region, ignoring regions where a newer version is latest", () => {
    const old = version("1.0.0", { publishingProfile: { endOfLifeDate: "2026-01-01T00:00:00Z" } });
    const newer = version("2.0.0", {}, ["westeurope"]);
    const items = needsAttention({ now, versions: [old, newer] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "latestPastEndOfLife", regions: ["northeurope"], resourceId: old.id });
    expect(items[0]!.title).toBe("latest is 1.0.0, past its end of life (2026-01-01), in North Europe.");
    // A newer version still replicating there does not take latest over.
    const replicating = version(
      "2.0.0",
      {
        provisioningState: "Creating",
        replicationStatus: { summary: [{ region: "northeurope", state: "Replicating", progress: 10 }] },
      },
      ["northeurope"],
    );
    expect(needsAttention({ now, versions: [old, replicating] })[0]).toMatchObject({
      kind: "latestPastEndOfLife",
      regions: ["northeurope", "westeurope"],
    });
  });

  it("lists flagged versions and failed validations", () => {
    const items = needsAttention({
      now,
      versions: [
        version("1.0.0", {
          safetyProfile: { reportedForPolicyViolation: true, policyViolations: [{ category: "ImageFlaggedUnsafe" }] },
        }),
        version("2.0.0", {
          validationsProfile: { executedValidations: [{ type: "TrustedLaunchValidation", status: "Failed" }] },
        }),
      ],
    });
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ["policyViolation", "Reported for a policy violation (ImageFlaggedUnsafe)."],
      ["validationFailed", "Failed validation: TrustedLaunchValidation."],
    ]);
  });

  it("reports versions in use past end of life, naming their VMs and scale sets, from the usage query", () => {
    const old = version("1.0.0", { publishingProfile: { endOfLifeDate: "2026-01-01" } }, ["westeurope"]);
    const unused = version("1.5.0", { publishingProfile: { endOfLifeDate: "2026-02-01" } }, ["westeurope"]);
    const newer = version("2.0.0", {}, ["westeurope"]);
    const consumer = (name: string, type: ImageConsumer["type"], versionId?: string): ImageConsumer => ({
      id: `/subscriptions/s2/resourceGroups/apps/providers/Microsoft.Compute/${type === "virtualMachine" ? "virtualMachines" : "virtualMachineScaleSets"}/${name}`,
      name,
      type,
      subscriptionId: "s2",
      resourceGroup: "apps",
      location: "westeurope",
      form: "id",
      definitionId: DEF,
      ...(versionId ? { versionId } : {}),
    });
    const pinned = old.id.toUpperCase();
    const usage = new ImageUsage(
      [
        ...["vm-1", "vm-2", "vm-3", "vm-4"].map((n) => consumer(n, "virtualMachine", pinned)),
        consumer("ss-1", "virtualMachineScaleSet", pinned),
        consumer("follows-latest", "virtualMachine"),
        consumer("on-newer", "virtualMachine", newer.id),
      ],
      2,
    );
    expect(needsAttention({ now, versions: [old, unused, newer] })).toEqual([]);
    expect(needsAttention({ now, versions: [old, unused, newer], versionUsage: usage })).toMatchObject([
      {
        kind: "inUsePastEndOfLife",
        resourceId: old.id,
        title:
          "Past its end of life (2026-01-01) and still used by 4 VMs (vm-1, vm-2, vm-3, and 1 more) and 1 scale set (ss-1).",
        fix: expect.stringContaining("scale set's model"),
      },
    ]);
  });

  it("warns at 80% of a limit and calls the limit itself an error", () => {
    const usages = (versions: number) => ({
      galleries: limitUsage("galleries", 1),
      imageDefinitions: limitUsage("imageDefinitions", 10),
      imageVersions: limitUsage("imageVersions", versions),
    });
    const items = needsAttention({
      now,
      versions: [],
      usage: [
        { subscriptionId: "s1", subscriptionName: "Contoso Prod", location: "westeurope", usages: usages(8_000) },
        { subscriptionId: "s2", location: "eastus", usages: usages(10_000) },
        { subscriptionId: "s3", location: "eastus", usages: usages(7_999) },
      ],
    });
    expect(items.map((i) => [i.severity, i.where, i.title])).toEqual([
      ["error", "s2", "10000 of 10000 image versions in East US (100%)."],
      ["warning", "Contoso Prod", "8000 of 10000 image versions in West Europe (80%)."],
    ]);
  });
});

describe("soft-deleted versions", () => {
  const deleted = (softDeletedTime: string) => ({
    id: "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/softDeletedArtifactTypes/Images/artifacts/ubuntu/versions/1.0.0",
    name: "1.0.0",
    softDeletedTime,
  });

  it("lists a version within two days of its purge, linking to its definition", () => {
    const items = needsAttention({ now, versions: [], softDeleted: [deleted("2026-05-26T00:00:00Z")] });
    expect(items).toEqual([
      expect.objectContaining({
        kind: "purgeSoon",
        resourceId: DEF,
        where: "g/ubuntu/1.0.0",
        title: "Soft-deleted; purged for good on 2026-06-02 00:00 UTC unless restored.",
      }),
    ]);
  });

  it("says nothing while the purge is further off or once it has happened", () => {
    expect(needsAttention({ now, versions: [], softDeleted: [deleted("2026-05-29T00:00:00Z")] })).toEqual([]);
    expect(needsAttention({ now, versions: [], softDeleted: [deleted("2026-05-20T00:00:00Z")] })).toEqual([]);
  });
});

describe("versionsToExpand", () => {
  it("reads replication only of versions not Succeeded", () => {
    const running = version("2.0.0", { provisioningState: "Creating" });
    expect(versionsToExpand([version("1.0.0"), running])).toEqual([running]);
  });
});
