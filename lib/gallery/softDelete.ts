/**
 * Soft delete of image versions (`softDeletePolicy.isSoftDeleteEnabled` on a gallery): what a deleted version keeps,
 * for how long, and how the dashboard words the time left. Shared by the emulator (when it purges) and the dashboard
 * (what the delete dialog and the recycle bins promise), so both count the same retention.
 */

/**
 * Azure keeps a soft-deleted image version for 7 days after its delete completes; then it is purged. GalleryRP
 * 2025-03-03 and 2025-12-03 have no setting for it (newer SDKs' `retentionPeriodInDays` is not in these specs).
 */
export const SOFT_DELETE_RETENTION_DAYS = 7;
export const SOFT_DELETE_RETENTION_MS = SOFT_DELETE_RETENTION_DAYS * 24 * 60 * 60 * 1000;

/** The only artifact type the spec's `SoftDeletedArtifactTypes` defines: image versions. */
export const SOFT_DELETED_ARTIFACT_TYPE = "Images";

/** What the gallery setting keeps, in the words the forms and dialogs use. */
export const SOFT_DELETE_SUMMARY =
  `Deleted image versions are kept for ${SOFT_DELETE_RETENTION_DAYS} days and can be restored until then; ` +
  "definitions and the gallery itself are deleted at once.";

/** Whether a gallery keeps deleted versions: only an explicit `true` turns soft delete on. */
export function isSoftDeleteEnabled(policy: { isSoftDeleteEnabled?: boolean } | undefined): boolean {
  return policy?.isSoftDeleteEnabled === true;
}

/** When a version soft-deleted at `softDeletedTime` is purged. */
export function purgeTimeOf(softDeletedTime: Date): Date {
  return new Date(softDeletedTime.getTime() + SOFT_DELETE_RETENTION_MS);
}

/** Time left before the purge, in the largest whole units that say it ("4 days 23 hours", "35 minutes"). */
export function purgeCountdown(softDeletedTime: Date, now: number): { expired: boolean; label: string } {
  const left = purgeTimeOf(softDeletedTime).getTime() - now;
  if (left <= 0) return { expired: true, label: "purged" };
  const minutes = Math.floor(left / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days > 0)
    return { expired: false, label: hours > 0 ? `${unit(days, "day")} ${unit(hours, "hour")}` : unit(days, "day") };
  if (hours > 0) return { expired: false, label: `${unit(hours, "hour")} ${unit(minutes % 60, "minute")}` };
  return { expired: false, label: minutes > 0 ? unit(minutes, "minute") : "less than a minute" };
}

/**
 * A gallery or definition delete refused because soft-deleted versions remain beneath it: Compute lists them as
 * `…/softDeletedArtifactTypes/Images/artifacts/{definition}/versions/{version}` among the nested resources.
 */
export function holdsSoftDeletedVersions(message: string | undefined): boolean {
  return /softDeletedArtifactTypes\//i.test(message ?? "");
}
