import { describe, expect, it } from "vitest";
import { collect, computeFixture } from "../testing/computeFixture.js";
import { DEMO_SUBSCRIPTIONS } from "./demoIdentities.js";

const DEV = DEMO_SUBSCRIPTIONS.contosoDevelopment.subscriptionId;

describe("the demo's scripts and in-VM access control profiles", () => {
  const fx = computeFixture({ seed: "demo", as: "megan@contoso.onmicrosoft.com", subscriptionId: DEV });

  it("holds a replicated script version and an access control profile version in their own gallery", async () => {
    const scripts = await collect(fx.client.galleryScripts.listByGallery("rg-images-dev", "contoso_automation"));
    expect(scripts.map((s) => [s.name, s.properties?.supportedOSType])).toEqual([["join-domain", "Windows"]]);
    const [version] = await collect(
      fx.client.galleryScriptVersions.listByGalleryScript("rg-images-dev", "contoso_automation", "join-domain"),
    );
    expect(version?.properties?.provisioningState).toBe("Succeeded");
    expect(version?.properties?.publishingProfile.source.parameters?.map((p) => p.name)).toEqual([
      "domain",
      "retries",
      "ouPath",
    ]);
    const profile = await fx.client.galleryInVMAccessControlProfileVersions.get(
      "rg-images-dev",
      "contoso_automation",
      "wireserver-agents",
      "1.0.0",
    );
    expect(profile).toMatchObject({ mode: "Audit", defaultAccess: "Deny" });
    expect(profile.replicationStatus?.aggregatedState).toBe("Completed");
  });

  it("lets a Reader of the subscription read scripts and profiles but not write them (AuthorizationFailed)", async () => {
    const alex = fx.em.compute("alex@contoso.onmicrosoft.com", DEV);
    const scripts = await collect(alex.galleryScripts.listByGallery("rg-images-dev", "contoso_automation"));
    expect(scripts.map((s) => s.name)).toEqual(["join-domain"]);
    expect((await alex.galleryScripts.get("rg-images-dev", "contoso_automation", "join-domain")).name).toBe(
      "join-domain",
    );
    await expect(
      alex.galleryInVMAccessControlProfiles.createOrUpdate("rg-images-dev", "contoso_automation", "imds", {
        location: "westus2",
        properties: { osType: "Linux", applicableHostEndpoint: "IMDS" },
      }),
    ).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    const res = await fx.em.fetch(
      `/subscriptions/${DEV}/resourceGroups/rg-images-dev/providers/Microsoft.Compute/galleries/contoso_automation/scripts/join-domain?api-version=2025-12-03`,
      { method: "DELETE", as: "alex@contoso.onmicrosoft.com" },
    );
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain("Microsoft.Compute/galleries/scripts/delete");
  });
});
