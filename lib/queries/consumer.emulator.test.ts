import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import { armTemplate, type DeploymentSpec, validationParameters } from "@/lib/consumer/armTemplate";
import { listConsumerImages } from "@/lib/queries/consumer";
import { validateDeployment } from "@/lib/queries/consumerDeployments";
import type { Subscription } from "@/lib/queries/subscriptions";

describe("consumer queries against the demo seed", () => {
  let em: TestEmulator;
  const adele = DEMO_PERSONA_USERS.consumer.upn;
  const megan = DEMO_PERSONA_USERS["platform-admin"].upn;

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterEach(async () => {
    await em.fetch("/_emulator/faults", { method: "DELETE" });
  });
  afterAll(() => em.close());

  async function imagesOf(upn: string) {
    const arm = createArmClients(em.url, em.credential(upn));
    const subscriptions = (await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01")).map(
      (s) => s.subscriptionId,
    );
    return listConsumerImages(arm, subscriptions, new Date(em.emulator.ctx.clock.now()));
  }

  it("finds through Resource Graph every definition the consumer can read, including one shared on its own", async () => {
    const result = await imagesOf(adele);
    expect(result.source).toBe("resourceGraph");
    expect(result.images.map((i) => `${i.galleryName}/${i.name}`).sort()).toEqual([
      "contoso_golden_images/golden-ws2022-iis",
      "contoso_shared_images/base-rhel-9-gen2",
      "contoso_shared_images/base-ubuntu-2204-arm64",
      "contoso_shared_images/base-ubuntu-2204-gen2",
      "contoso_shared_images/base-win11-23h2",
      "contoso_shared_images/base-ws2022-g2",
    ]);
    const arm64 = result.images.find((i) => i.name === "base-ubuntu-2204-arm64")!;
    expect(arm64).toMatchObject({ architecture: "Arm64", osType: "Linux", osState: "Generalized" });
    expect(arm64.versions.map((v) => v.name)).toEqual(["1.0.5", "1.0.4", "1.0.3", "1.0.2", "1.0.1", "1.0.0"]);
    expect(arm64.versions[0]!.targetRegions).toContain("westeurope");
  });

  it("falls back to ARM listing when Resource Graph fails, and says why", async () => {
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 503 }] }),
    });
    const result = await imagesOf(adele);
    expect(result.source).toBe("armListing");
    expect(result.fallbackReason?.status).toBe(503);
    // The gallery-level share is listed; the definition shared on its own cannot be reached by listing.
    expect(result.images.map((i) => i.name)).toContain("base-ws2022-g2");
    expect(result.images.map((i) => i.name)).not.toContain("golden-ws2022-iis");
    expect(result.images.find((i) => i.name === "base-ubuntu-2204-arm64")?.versions).toHaveLength(6);
  });

  it("reports what ARM says about a deployment check, success and inner errors alike", async () => {
    const arm = createArmClients(em.url, em.credential(megan));
    const sharedSub = "c0000000-0000-4000-8001-000000000003";
    const imageId = `/subscriptions/${sharedSub}/resourceGroups/rg-shared-images/providers/Microsoft.Compute/galleries/contoso_shared_images/images/base-ubuntu-2204-arm64/versions/1.0.5`;
    const spec = (location: string): DeploymentSpec => ({
      imageId,
      osType: "Linux",
      osState: "Generalized",
      location,
      resourceGroup: "rg-image-build",
      vmName: "check-01",
      vmSize: "Standard_D2ps_v5",
      adminUsername: "azureuser",
    });
    const request = (location: string) => ({
      subscriptionId: sharedSub,
      resourceGroup: "rg-image-build",
      deploymentName: `check-${location}`,
      template: armTemplate(spec(location)),
      parameters: validationParameters(spec(location), () => "k"),
    });
    const usable = await validateDeployment(arm, request("westeurope"));
    expect(usable).toMatchObject({ ok: true, status: 200, provisioningState: "Succeeded" });
    if (usable.ok)
      expect(usable.validatedResources).toContain(
        `/subscriptions/${sharedSub}/resourceGroups/rg-image-build/providers/Microsoft.Compute/virtualMachines/check-01`,
      );

    const refused = await validateDeployment(arm, request("eastus"));
    expect(refused).toMatchObject({
      ok: false,
      status: 400,
      error: {
        code: "InvalidTemplateDeployment",
        details: [
          {
            code: "GalleryImageNotFound",
            target: "imageReference",
            message: expect.stringContaining("is not available in eastus region"),
          },
        ],
      },
    });

    const consumer = createArmClients(em.url, em.credential(adele));
    const denied = await validateDeployment(consumer, request("westeurope"));
    expect(denied).toMatchObject({ ok: false, status: 403, error: { code: "AuthorizationFailed", details: [] } });
  });
});
