import type { GalleryImageVersion } from "@azure/arm-compute";
import { describe, expect, it } from "vitest";
import { isVersionSettling } from "@/lib/queries/galleryImageVersions";

const version = (v: Partial<GalleryImageVersion>): GalleryImageVersion => ({ location: "eastus", ...v });

describe("isVersionSettling (when the version page keeps polling)", () => {
  it("polls while any region replicates", () => {
    expect(
      isVersionSettling(
        version({
          provisioningState: "Creating",
          replicationStatus: {
            aggregatedState: "InProgress",
            summary: [{ region: "East US", state: "Replicating", progress: 40 }],
          },
        }),
      ),
    ).toBe(true);
  });

  it("polls a version being created before ARM reports any replication", () => {
    expect(isVersionSettling(version({ provisioningState: "Creating" }))).toBe(true);
  });

  it("stops once every region is Completed or Failed", () => {
    const done = { aggregatedState: "Completed", summary: [{ region: "East US", state: "Completed", progress: 100 }] };
    expect(isVersionSettling(version({ provisioningState: "Succeeded", replicationStatus: done }))).toBe(false);
    expect(isVersionSettling(version({ provisioningState: "Creating", replicationStatus: done }))).toBe(false);
    expect(
      isVersionSettling(
        version({
          provisioningState: "Failed",
          replicationStatus: { aggregatedState: "Failed", summary: [{ region: "East US", state: "Failed" }] },
        }),
      ),
    ).toBe(false);
  });

  it("polls a delete until the version is gone", () => {
    expect(isVersionSettling(version({ provisioningState: "Deleting" }))).toBe(true);
  });
});
