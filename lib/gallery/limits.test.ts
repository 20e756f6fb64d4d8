import { describe, expect, it } from "vitest";
import { checkGalleryQuota, limitUsage } from "./limits";

describe("limits", () => {
  it("warns from 80% of a limit", () => {
    expect(limitUsage("galleries", 79)).toMatchObject({ limit: 100, remaining: 21, warning: false, atLimit: false });
    expect(limitUsage("galleries", 80).warning).toBe(true);
    expect(limitUsage("imageDefinitions", 1000)).toMatchObject({ remaining: 0, atLimit: true });
    expect(limitUsage("imageVersions", 7999).warning).toBe(false);
  });

  it("refuses the create past the limit with Compute's quota error", () => {
    expect(checkGalleryQuota("galleries", 99, "westeurope")).toBeUndefined();
    expect(checkGalleryQuota("galleries", 100, "westeurope")).toEqual({
      status: 409,
      code: "OperationNotAllowed",
      message:
        "Operation results in exceeding quota limits of Galleries in location 'westeurope'. Maximum allowed: 100, Current in use: 100, Additional requested: 1.",
    });
    expect(checkGalleryQuota("imageVersions", 9_999, "eastus", 2)?.message).toContain("Maximum allowed: 10000");
  });
});
