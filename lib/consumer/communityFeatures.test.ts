import { describe, expect, it } from "vitest";
import { communityDeploymentSpec, type CommunityImageRead } from "@/lib/consumer/communityGalleries";

describe("a community image whose SecurityType starts at a later version", () => {
  const gallery = { publicName: "contoso-1234", location: "westeurope" } as Parameters<
    typeof communityDeploymentSpec
  >[0];
  const image: CommunityImageRead = {
    name: "ubuntu",
    osType: "Linux",
    osState: "Generalized",
    features: [{ name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "2.0.0" }],
    versions: [
      { name: "2.0.0", excludeFromLatest: true },
      { name: "1.0.0", excludeFromLatest: false },
    ],
    latest: "1.0.0",
  };

  it("asks a VM for Trusted Launch only when the deployed version has it", () => {
    expect(communityDeploymentSpec(gallery, image, "2.0.0").securityType).toBe("TrustedLaunch");
    expect(communityDeploymentSpec(gallery, image, "1.0.0").securityType).toBeUndefined();
    // latest resolves to 1.0.0 here (2.0.0 is excluded), which does not have the feature.
    expect(communityDeploymentSpec(gallery, image, undefined).securityType).toBeUndefined();
  });
});
