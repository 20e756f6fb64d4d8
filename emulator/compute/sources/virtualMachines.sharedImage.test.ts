import type { ComputeManagementClient, SharedGalleryImageVersion } from "@azure/arm-compute";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS } from "../../seed/demoIdentities.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { deploymentOfVm, vmFromImage } from "../../testing/vmFromImage.js";

/**
 * `storageProfile.imageReference.sharedGalleryImageId`: a VM (and a deployment's validation) from an image of a
 * gallery shared directly with the VM's subscription or tenant, against the demo seed: Contoso's contoso_eu_images
 * (versions in EU regions) shared with Fabrikam Production, whose Owner is lee.
 */

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const GALLERY_RG = "rg-images-eu";
const GALLERY = "contoso_eu_images";
const UNIQUE = `${PROD}-${GALLERY.toUpperCase()}`;
const IMAGE = "ubuntu-2204-gen2-eu";
const ADMIN = "megan@contoso.onmicrosoft.com";
const LEE = "lee@fabrikam.onmicrosoft.com";
const VM_RG = "rg-fabrikam-images";

const sharedId = (version: string) => `/SharedGalleries/${UNIQUE}/Images/${IMAGE}/Versions/${version}`;
const vmPath = (name: string) =>
  `/subscriptions/${FABRIKAM}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/${name}?api-version=2024-07-01`;
const validatePath = (name: string) =>
  `/subscriptions/${FABRIKAM}/resourcegroups/${VM_RG}/providers/Microsoft.Resources/deployments/${name}/validate?api-version=2025-04-01`;

const vm = (location: string, sharedGalleryImageId: string) => vmFromImage(location, { sharedGalleryImageId });
const deployment = (location: string, sharedGalleryImageId: string) =>
  deploymentOfVm(location, { sharedGalleryImageId });

describe("VMs and deployment validation from a directly shared gallery image (sharedGalleryImageId)", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });
  let lee: ComputeManagementClient;

  const share = (operationType: "Add" | "Remove", type: "Subscriptions" | "AADTenants", id: string) =>
    fx.client.gallerySharingProfile.update(
      GALLERY_RG,
      GALLERY,
      { operationType, groups: [{ type, ids: [id] }] },
      FAST_POLL,
    );
  const put = async (name: string, body: unknown) => {
    const res = await fx.em.fetch(vmPath(name), { method: "PUT", as: LEE, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  const validate = async (name: string, body: unknown) => {
    const res = await fx.em.fetch(validatePath(name), { method: "POST", as: LEE, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  /** The versions lee sees in a region, newest first (the shared listing shows those targeting it). */
  const versionsIn = async (region: string): Promise<SharedGalleryImageVersion[]> =>
    (await collect(lee.sharedGalleryImageVersions.list(region, UNIQUE, IMAGE))).sort(
      (a, b) => b.publishedDate!.getTime() - a.publishedDate!.getTime(),
    );

  /** The versions targeting a region, newest first, with their replication state there as the owner reads it. */
  const statesIn = async (region: string) => {
    const owned = await collect(fx.client.galleryImageVersions.listByGalleryImage(GALLERY_RG, GALLERY, IMAGE));
    return Promise.all(
      owned
        .sort((a, b) => b.publishingProfile!.publishedDate!.getTime() - a.publishingProfile!.publishedDate!.getTime())
        .map(async (v) => {
          const full = await fx.client.galleryImageVersions.get(GALLERY_RG, GALLERY, IMAGE, v.name!, {
            expand: "ReplicationStatus",
          });
          const state = full.replicationStatus?.summary?.find(
            (r) => r.region?.replace(/\s/g, "").toLowerCase() === region,
          )?.state;
          return { name: v.name!, state, excluded: full.publishingProfile?.excludeFromLatest === true };
        }),
    ).then((states) => states.filter((v) => v.state !== undefined));
  };

  beforeAll(() => {
    lee = fx.em.compute(LEE, FABRIKAM);
  });
  afterEach(async () => {
    await fx.client.gallerySharingProfile.update(GALLERY_RG, GALLERY, { operationType: "Reset" }, FAST_POLL);
  });

  it("refuses an image of a gallery not shared with the VM's subscription, as it refuses one that does not exist", async () => {
    const notShared = await put("vm-not-shared", vm("northeurope", sharedId("latest")));
    expect(notShared.status).toBe(404);
    expect(notShared.body.error).toMatchObject({
      code: "GalleryImageNotFound",
      target: "imageReference.sharedGalleryImageId",
    });
    expect(notShared.body.error.message).toContain(sharedId("latest"));
    expect(notShared.body.error.message).toContain(FABRIKAM);

    const checked = await validate("check-not-shared", deployment("northeurope", sharedId("latest")));
    expect(checked.status).toBe(400);
    expect(checked.body.error.details).toEqual([expect.objectContaining({ code: "GalleryImageNotFound" })]);
  });

  it("creates a VM from an exact version shared with the subscription once it has Completed in the region, keeping the shared id", async () => {
    await share("Add", "Subscriptions", FABRIKAM);
    const states = await statesIn("northeurope");
    const replicating = states.find((v) => v.state === "Replicating");
    const completed = states.find((v) => v.state === "Completed");
    expect(replicating, "the seed keeps the newest version replicating").toBeDefined();
    // The region's shared listing is a regional proxy: it shows a version once its copy there has Completed.
    const listed = (await versionsIn("northeurope")).map((v) => v.name);
    expect(listed).toContain(completed!.name);
    expect(listed).not.toContain(replicating!.name);

    const early = await put("vm-shared-replicating", vm("northeurope", sharedId(replicating!.name)));
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe("GalleryImageNotFound");

    const created = await put("vm-shared-exact", vm("northeurope", sharedId(completed!.name)));
    expect(created.status).toBeLessThan(300);
    expect(created.body.properties.storageProfile.imageReference).toEqual({
      sharedGalleryImageId: sharedId(completed!.name),
      exactVersion: completed!.name,
    });
  });

  it("resolves latest in the VM's region, like a gallery image id without a version", async () => {
    await share("Add", "AADTenants", DEMO_TENANTS.fabrikam.tenantId);
    // Latest there is the newest version not excluded that has Completed there; the newest one is still replicating.
    const expected = (await statesIn("northeurope")).find((v) => v.state === "Completed" && !v.excluded)!.name;
    const created = await put("vm-shared-latest", vm("northeurope", `/SharedGalleries/${UNIQUE}/Images/${IMAGE}`));
    expect(created.status).toBeLessThan(300);
    expect(created.body.properties.storageProfile.imageReference.exactVersion).toBe(expected);
  });

  it("refuses a region the shared image was never replicated to, with Compute's GalleryImageNotFound", async () => {
    await share("Add", "Subscriptions", FABRIKAM);
    const { status, body } = await put("vm-shared-eastus", vm("eastus", sharedId("latest")));
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "GalleryImageNotFound" });
    expect(body.error.message).toBe(
      `The gallery image ${sharedId("latest")} is not available in eastus region. Please contact image owner to replicate to this region, or change your requested region.`,
    );
  });

  it("validates a deployment from the shared image: accepted where replicated, refused elsewhere, never created", async () => {
    await share("Add", "Subscriptions", FABRIKAM);
    const accepted = await validate("check-shared", deployment("northeurope", sharedId("latest")));
    expect(accepted.status).toBe(200);
    expect(accepted.body.properties.validatedResources).toEqual([
      { id: `/subscriptions/${FABRIKAM}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/checked` },
    ]);
    const refused = await validate("check-shared-eastus", deployment("eastus", sharedId("latest")));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ code: "GalleryImageNotFound" })]);
    expect((await fx.em.fetch(vmPath("checked"), { as: LEE })).status).toBe(404);
  });

  it("refuses a malformed shared id as an invalid parameter", async () => {
    await share("Add", "Subscriptions", FABRIKAM);
    const { status, body } = await put("vm-bad-id", vm("northeurope", `/SharedGalleries/${UNIQUE}/${IMAGE}`));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "InvalidParameter", target: "imageReference.sharedGalleryImageId" });
  });
});
