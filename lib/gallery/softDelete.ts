/** Azure keeps a soft-deleted image version for 7 days, then purges it. */
export const SOFT_DELETE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** When a version soft-deleted at `softDeletedTime` is purged. */
export function purgeTimeOf(softDeletedTime: Date): Date {
  return new Date(softDeletedTime.getTime() + SOFT_DELETE_RETENTION_MS);
}
