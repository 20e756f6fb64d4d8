import { checkGalleryQuota, GALLERY_LIMITS, type GalleryLimitKind } from "../../../lib/gallery/limits.js";
import type { EmulatorContext } from "../../context.js";
import { throwViolation } from "./body.js";

/** Compute's per-subscription, per-region quota for one more gallery, definition or version (409 past it). */
export function checkQuotaForOneMore(
  ctx: EmulatorContext,
  kind: GalleryLimitKind,
  type: string,
  subscriptionId: string,
  location: string,
): void {
  // The cheap upper bound first: the exact per-region count reads every row and is needed only near the limit.
  if (ctx.resources.countOfTypeUpperBound(subscriptionId, type) < GALLERY_LIMITS[kind]) return;
  throwViolation(checkGalleryQuota(kind, ctx.resources.countInLocation(subscriptionId, type, location), location));
}
