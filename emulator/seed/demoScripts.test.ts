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
});
