import { describe, expect, it } from "vitest";
import { decodeParam, hrefForResourceId, parseGalleryPath, resourceIdOf } from "@/lib/azure/galleryPaths";

const VERSION_ID =
  "/subscriptions/s1/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu-22.04/versions/1.0.0";

describe("gallery paths", () => {
  it("round-trips a version id through its parts", () => {
    const path = parseGalleryPath(VERSION_ID)!;
    expect(path).toEqual({
      subscriptionId: "s1",
      resourceGroupName: "rg-images",
      galleryName: "contoso",
      imageName: "ubuntu-22.04",
      versionName: "1.0.0",
    });
    expect(resourceIdOf(path)).toBe(VERSION_ID);
  });

  it("matches ARM's case-insensitive segments and ignores doubled slashes", () => {
    expect(parseGalleryPath("/SUBSCRIPTIONS/s1//resourcegroups/rg/providers/microsoft.compute/Galleries/g")).toEqual({
      subscriptionId: "s1",
      resourceGroupName: "rg",
      galleryName: "g",
    });
  });

  it("rejects ids of other resource types", () => {
    expect(parseGalleryPath("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/images/img")).toBeUndefined();
  });

  it("makes the page URL the resource id with each segment encoded", () => {
    expect(hrefForResourceId("/subscriptions/s1/resourceGroups/rg (prod)/providers/Microsoft.Compute/galleries/g")).toBe(
      "/subscriptions/s1/resourceGroups/rg%20(prod)/providers/Microsoft.Compute/galleries/g",
    );
    expect(decodeParam("rg%20(prod)")).toBe("rg (prod)");
  });
});
