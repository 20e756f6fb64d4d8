import { describe, expect, it } from "vitest";
import { collect, computeFixture } from "../testing/computeFixture.js";
import { DEMO_SUBSCRIPTIONS } from "./demoIdentities.js";
import { DEMO_APPLICATIONS_GALLERY as GALLERY, DEMO_APPLICATIONS_RESOURCE_GROUP as RG } from "./demoApplications.js";

describe("the demo seed's VM Applications", () => {
  const fx = computeFixture({
    seed: "demo",
    as: "megan@contoso.onmicrosoft.com",
    subscriptionId: DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId,
  });

  it("holds a Windows and a Linux application with several versions, one still replicating", async () => {
    const apps = await collect(fx.client.galleryApplications.listByGallery(RG, GALLERY));
    expect(apps.map((a) => [a.name, a.supportedOSType]).sort()).toEqual([
      ["log-shipper", "Linux"],
      ["monitoring-agent", "Windows"],
    ]);
    const states: Record<string, string | undefined> = {};
    for (const app of apps) {
      const versions = await collect(
        fx.client.galleryApplicationVersions.listByGalleryApplication(RG, GALLERY, app.name!),
      );
      expect(versions.length).toBeGreaterThanOrEqual(3);
      for (const v of versions) {
        const read = await fx.client.galleryApplicationVersions.get(RG, GALLERY, app.name!, v.name!, {
          expand: "ReplicationStatus",
        });
        states[`${app.name}/${v.name}`] = read.replicationStatus?.aggregatedState;
      }
    }
    expect(Object.values(states).filter((s) => s === "InProgress")).toHaveLength(1);
    expect(states["monitoring-agent/1.2.0"]).toBe("InProgress");
    expect(states["log-shipper/2.1.0"]).toBe("Completed");
  });
});
