import { describe, expect, it } from "vitest";
import {
  checkIdentifierPart,
  findIdentifierConflict,
  galleryImageIdentifierSchema,
  sameIdentifier,
  validateIdentifier,
} from "./identifier";

describe("identifier parts", () => {
  it("accepts letters, digits, hyphen, period and underscore", () => {
    expect(validateIdentifier({ publisher: "Contoso.IT", offer: "ubuntu_server-lts", sku: "22.04-LTS" })).toEqual([]);
  });

  it("limits publisher to 128 and offer/sku to 64 characters", () => {
    expect(checkIdentifierPart("publisher", "p".repeat(128))).toBeUndefined();
    expect(checkIdentifierPart("publisher", "p".repeat(129))?.message).toContain("cannot exceed 128 characters");
    expect(checkIdentifierPart("offer", "o".repeat(64))).toBeUndefined();
    expect(checkIdentifierPart("offer", "o".repeat(65))?.message).toContain("cannot exceed 64 characters");
    expect(checkIdentifierPart("sku", "s".repeat(65))?.target).toBe("galleryImage.properties.identifier.sku");
  });

  it.each<[string | undefined, string]>([
    ["", "empty"],
    ["sku.", "trailing period"],
    ["my sku", "space"],
    ["sku/1", "slash"],
    [undefined, "missing"],
  ])("refuses %j (%s) with the service's wording", (value) => {
    const violation = checkIdentifierPart("sku", value);
    expect(violation).toMatchObject({ status: 400, code: "InvalidParameter" });
    expect(violation?.message).toMatch(
      /^Asset name galleryImage\.properties\.identifier\.sku is not valid\. It cannot be empty\./,
    );
  });

  it("reports every broken part at once", () => {
    expect(validateIdentifier({ publisher: "ok", offer: "bad.", sku: "" }).map((v) => v.target)).toEqual([
      "galleryImage.properties.identifier.offer",
      "galleryImage.properties.identifier.sku",
    ]);
  });

  it("gives the same message through the zod schema, per field", () => {
    const result = galleryImageIdentifierSchema.safeParse({ publisher: "pub", offer: "off.", sku: "sku" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["offer"],
      message: expect.stringContaining("identifier.offer is not valid"),
    });
  });
});

describe("identifier uniqueness inside a gallery", () => {
  const existing = [
    { name: "ubuntu", identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "22.04" } },
    { name: "windows", identifier: { publisher: "Contoso", offer: "Windows", sku: "2022" } },
  ];

  it("compares the triple case-insensitively", () => {
    expect(sameIdentifier(existing[0]!.identifier, { publisher: "CONTOSO", offer: "ubuntu", sku: "22.04" })).toBe(true);
  });

  it("refuses a third definition with an existing triple, in any case", () => {
    const violation = findIdentifierConflict(
      { name: "ubuntu-copy", identifier: { publisher: "contoso", offer: "UBUNTU", sku: "22.04" } },
      existing,
    );
    expect(violation).toMatchObject({ status: 409, code: "OperationNotAllowed" });
    expect(violation?.message).toBe(
      "Gallery image: ubuntu identified by (publisher:contoso, offer:UBUNTU, sku:22.04) already exists. Choose a different publisher, offer, sku combination.",
    );
  });

  it("allows sharing one or two of the three values", () => {
    expect(
      findIdentifierConflict(
        { name: "u2", identifier: { publisher: "Contoso", offer: "Ubuntu", sku: "24.04" } },
        existing,
      ),
    ).toBeUndefined();
  });

  it("does not count the definition's own stored copy as a conflict", () => {
    expect(findIdentifierConflict({ name: "Ubuntu", identifier: existing[0]!.identifier }, existing)).toBeUndefined();
  });
});
