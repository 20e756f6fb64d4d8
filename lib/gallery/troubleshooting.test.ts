import { describe, expect, it } from "vitest";
import { checkGalleryName, checkImageDefinitionName, checkImageVersionName } from "./names";
import { findIdentifierConflict, checkIdentifierPart } from "./identifier";
import { checkImageDefinitionUpdate } from "./galleryImage";
import { checkLocationAvailable } from "./regions";
import { explainArmError } from "./troubleshooting";

describe("troubleshooting catalogue", () => {
  it("explains each violation our own rules produce with a specific entry", () => {
    const violations = [
      checkGalleryName("my-gallery"),
      checkGalleryName("gallery."),
      checkImageDefinitionName("bad-"),
      checkImageVersionName("1.0"),
      checkIdentifierPart("offer", ""),
      checkLocationAvailable("moon", "Microsoft.Compute/galleries"),
      checkImageDefinitionUpdate(
        { osType: "Linux", osState: "Generalized", identifier: { publisher: "p", offer: "o", sku: "s" } },
        { osType: "Windows", osState: "Generalized", identifier: { publisher: "p", offer: "o", sku: "s" } },
      ),
      findIdentifierConflict({ name: "b", identifier: { publisher: "p", offer: "o", sku: "s" } }, [{ name: "a", identifier: { publisher: "p", offer: "o", sku: "s" } }]),
    ];
    const titles = violations.map((violation) => explainArmError(violation!).title);
    expect(titles).toEqual([
      "Invalid gallery name",
      "Name ends with an invalid character",
      "Invalid image definition name",
      "Invalid version number",
      "Invalid publisher, offer or SKU",
      "Region not available",
      "Property cannot change",
      "Identifier already used",
    ]);
  });

  it("tells apart causes that share a code", () => {
    expect(explainArmError({ code: "PropertyChangeNotAllowed", message: "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed." }).title).toBe("Source cannot change");
    expect(explainArmError({ code: "InvalidParameter", message: "ZRS storage account type is not supported in this region." }).fix).toContain("Standard_LRS");
  });

  it("matches codes without regard to case and falls back for unknown errors", () => {
    expect(explainArmError({ code: "parentresourcenotfound", message: "Can not perform requested operation on nested resource. Parent resource 'g' not found." }).title).toBe("Parent resource not found");
    expect(explainArmError({ code: "CannotDeleteResource", message: "Can not delete resource before nested resources are deleted." }).title).toBe("Resource still has children");
    expect(explainArmError({ code: "SomethingNew", message: "?" }).title).toBe("Request failed");
    expect(explainArmError({ status: 429, code: "TooManyRequests" }).fix).toBe("Wait and retry later.");
  });
});
