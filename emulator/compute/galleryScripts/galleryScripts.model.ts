import {
  checkGalleryScriptUpdate,
  makeGalleryScriptPropertiesSchema,
  type GalleryScriptProperties,
} from "../../../lib/gallery/galleryScript.js";
import { sameInstant } from "../shared/dates.js";
import type { GalleryRef } from "../galleries/galleries.model.js";
import { parseProperties, throwViolation } from "../shared/body.js";
import { galleryChildModel } from "../shared/galleryChildren.js";
import { GALLERY_SCRIPT_TYPE, GALLERY_SCRIPT_VERSION_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/scripts: the model (validation, state, view). */

export interface GalleryScriptRef extends GalleryRef {
  script: string;
}

export const galleryScripts = galleryChildModel<GalleryScriptRef>({
  type: GALLERY_SCRIPT_TYPE,
  versionType: GALLERY_SCRIPT_VERSION_TYPE,
  segment: "scripts",
  kind: "gallery script",
  nameParameter: "galleryScriptName",
  nameOf: (ref) => ref.script,
  properties(ctx, raw, existing) {
    // An end-of-life date that has passed since it was set does not block other updates: only a new date must lie
    // ahead.
    const sentEndOfLife = (raw as { endOfLifeDate?: unknown } | undefined)?.endOfLifeDate;
    const keeps = existing !== undefined && sameInstant(sentEndOfLife, existing.body.properties.endOfLifeDate);
    const now = ctx.clock.now();
    const properties = parseProperties(
      makeGalleryScriptPropertiesSchema(() => new Date(keeps ? 0 : now)),
      raw,
      "properties",
    );
    if (existing)
      throwViolation(checkGalleryScriptUpdate(existing.body.properties as GalleryScriptProperties, properties));
    return properties;
  },
});
