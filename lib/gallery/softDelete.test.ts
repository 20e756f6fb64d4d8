import { describe, expect, it } from "vitest";
import { explainArmError } from "./troubleshooting";
import { holdsSoftDeletedVersions, purgeCountdown, purgeTimeOf, SOFT_DELETE_RETENTION_MS } from "./softDelete";

const DELETED = new Date("2026-03-01T10:00:00Z");
const HOUR = 60 * 60 * 1000;

describe("soft delete retention", () => {
  it("purges a version 7 days after its delete completed", () => {
    expect(purgeTimeOf(DELETED).toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  it("counts down in days and hours, then hours and minutes, then minutes", () => {
    expect(purgeCountdown(DELETED, DELETED.getTime() + 2 * 24 * HOUR + 30 * 60_000)).toEqual({
      expired: false,
      label: "4 days 23 hours",
    });
    expect(purgeCountdown(DELETED, DELETED.getTime() + 6 * 24 * HOUR).label).toBe("1 day");
    expect(purgeCountdown(DELETED, DELETED.getTime() + SOFT_DELETE_RETENTION_MS - 90 * 60_000).label).toBe(
      "1 hour 30 minutes",
    );
    expect(purgeCountdown(DELETED, DELETED.getTime() + SOFT_DELETE_RETENTION_MS - 5 * 60_000).label).toBe("5 minutes");
    expect(purgeCountdown(DELETED, DELETED.getTime() + SOFT_DELETE_RETENTION_MS - 1_000).label).toBe(
      "less than a minute",
    );
    expect(purgeCountdown(DELETED, DELETED.getTime() + SOFT_DELETE_RETENTION_MS)).toEqual({
      expired: true,
      label: "purged",
    });
  });

  it("recognises a parent's delete refused for soft-deleted versions, and explains it apart from live children", () => {
    const softDeleted =
      "Cannot delete resource while nested resources exist. Some existing nested resource IDs include: " +
      "'Microsoft.Compute/galleries/g/softDeletedArtifactTypes/Images/artifacts/ubuntu/versions/1.0.0'. " +
      "Please delete all nested resources before deleting this resource.";
    const live =
      "Cannot delete resource while nested resources exist. Some existing nested resource IDs include: " +
      "'Microsoft.Compute/galleries/g/images/ubuntu'. Please delete all nested resources before deleting this resource.";
    expect(holdsSoftDeletedVersions(softDeleted)).toBe(true);
    expect(holdsSoftDeletedVersions(live)).toBe(false);
    const explained = explainArmError({ code: "CannotDeleteResource", status: 409, message: softDeleted });
    expect(explained.title).toBe("Soft-deleted versions remain");
    expect(explained.fix).toMatch(/recycle bin/);
    expect(explainArmError({ code: "CannotDeleteResource", status: 409, message: live }).title).toBe(
      "Resource still has children",
    );
  });
});
