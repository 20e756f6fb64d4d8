import { describe, expect, it } from "vitest";
import { galleryPathFromParams, galleryPathOf, pageHref, versionIdOf } from "@/lib/azure/routeParams";

const VERSION_ID =
  "/subscriptions/s1/resourceGroups/rg (prod)/providers/Microsoft.Compute/galleries/contoso/images/ubuntu-22.04/versions/1.0.0";

describe("route params", () => {
  it("gives every gallery resource a page whose params lead back to the same id", () => {
    const href = pageHref(VERSION_ID);
    expect(href).toBe(
      "/subscriptions/s1/resourceGroups/rg%20(prod)/galleries/contoso/images/ubuntu-22.04/versions/1.0.0",
    );
    const [, , subscriptionId, , resourceGroupName, , galleryName, , imageName, , versionName] = href.split("/");
    const path = galleryPathFromParams({
      subscriptionId: subscriptionId!,
      resourceGroupName: resourceGroupName!,
      galleryName: galleryName!,
      imageName,
      versionName,
    });
    expect(versionIdOf({ ...path, imageName: path.imageName!, versionName: path.versionName! })).toBe(VERSION_ID);
  });

  it("reads the names of a gallery id whatever the casing of ARM's segments", () => {
    expect(galleryPathOf("/SUBSCRIPTIONS/s1/resourcegroups/rg/providers/microsoft.compute/Galleries/g")).toEqual({
      subscriptionId: "s1",
      resourceGroupName: "rg",
      galleryName: "g",
    });
    expect(galleryPathOf("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/images/img")).toBeUndefined();
  });
});
