import { describe, expect, it } from "vitest";
import { galleryArtifactHref, galleryArtifactId, galleryArtifactPathOf } from "./artifactRoutes";

const gallery = "/subscriptions/s1/resourceGroups/rg 1/providers/Microsoft.Compute/galleries/g";

describe("gallery artifact ids and pages", () => {
  it("parses applications, scripts and profiles with or without a version, case-insensitively", () => {
    expect(galleryArtifactPathOf(`${gallery}/applications/app/versions/1.0.0`)).toEqual({
      subscriptionId: "s1",
      resourceGroupName: "rg 1",
      galleryName: "g",
      collection: "applications",
      artifactName: "app",
      versionName: "1.0.0",
    });
    expect(galleryArtifactPathOf(`${gallery.toLowerCase()}/INVMACCESSCONTROLPROFILES/p`)?.collection).toBe(
      "inVMAccessControlProfiles",
    );
    expect(galleryArtifactPathOf(`${gallery}/images/i`)).toBeUndefined();
    expect(galleryArtifactPathOf(`${gallery}/scripts/s/other/1`)).toBeUndefined();
    expect(galleryArtifactPathOf(gallery)).toBeUndefined();
  });

  it("round-trips to the ARM id and to the page's URL, names encoded", () => {
    const path = galleryArtifactPathOf(`${gallery}/scripts/s/versions/2.0.0`)!;
    expect(galleryArtifactId(path)).toBe(`${gallery}/scripts/s/versions/2.0.0`);
    expect(galleryArtifactHref(path)).toBe(
      "/subscriptions/s1/resourceGroups/rg%201/galleries/g/scripts/s/versions/2.0.0",
    );
    expect(galleryArtifactHref({ ...path, versionName: undefined })).toBe(
      "/subscriptions/s1/resourceGroups/rg%201/galleries/g/scripts/s",
    );
  });
});
