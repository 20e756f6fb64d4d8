import { checkGalleryQuota, GALLERY_LIMITS, type GalleryLimitKind } from "../../../lib/gallery/limits.js";
import type { EmulatorContext } from "../../context.js";
import type { Db } from "../../store/db.js";
import { throwViolation } from "./body.js";

const upperBounds = new WeakMap<Db, { get(subscriptionId: string, type: string): { n: number } | undefined }>();

/**
 * Every row of a type in the subscription, whatever its region or delete state: an index-only count, so a
 * create stays cheap with 10,000 versions in place. The exact per-region count reads every row and is only
 * needed once this bound reaches the limit.
 */
function upperBound(ctx: EmulatorContext, subscriptionId: string, type: string): number {
  let statement = upperBounds.get(ctx.db);
  if (!statement) {
    statement = ctx.db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM resources WHERE subscription_id = ? AND type = ?");
    upperBounds.set(ctx.db, statement);
  }
  return statement.get(subscriptionId.toLowerCase(), type)?.n ?? 0;
}

/** Compute's per-subscription, per-region quota for one more gallery, definition or version (409 past it). */
export function checkQuotaForOneMore(ctx: EmulatorContext, kind: GalleryLimitKind, type: string, subscriptionId: string, location: string): void {
  if (upperBound(ctx, subscriptionId, type) < GALLERY_LIMITS[kind]) return;
  throwViolation(checkGalleryQuota(kind, ctx.resources.countInLocation(subscriptionId, type, location), location));
}
