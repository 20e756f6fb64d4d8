import { listResponse } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import { ArmErrors } from "../../errors.js";
import { getGalleryImage, parentGallery } from "../galleryImages/galleryImages.model.js";
import { GALLERY_API_VERSIONS } from "../shared/names.js";
import {
  SOFT_DELETED_VERSION_TYPE,
  softDeletedVersionsOf,
  softDeletedVersionView,
} from "./softDeletedVersions.model.js";

/** Soft-deleted gallery resources (SoftDeletedResource_ListByArtifactName): routes over softDeletedVersions.model.ts. */

const READ = `${SOFT_DELETED_VERSION_TYPE}/read`;
/** The operation appears in the gallery API from 2025-03-03; earlier versions never knew soft-deleted resources. */
const SOFT_DELETE_API_VERSIONS = GALLERY_API_VERSIONS.filter((version) => version >= "2025-03-03");

function listByArtifactName(req: ArmRequest): ArmResponse {
  visibleSubscription(req, req.params.subscriptionId!);
  // Images is the only artifact type the spec defines (SoftDeletedArtifactTypes), matched without regard to case.
  if (req.params.artifactType!.toLowerCase() !== "images")
    throw ArmErrors.invalidParameter(
      "artifactType",
      `The value '${req.params.artifactType}' of parameter artifactType is invalid. Allowed values: Images.`,
    );
  const ref = {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
    image: req.params.artifactName!,
  };
  parentGallery(req.ctx, ref);
  const image = getGalleryImage(req.ctx, ref);
  const items = softDeletedVersionsOf(req.ctx, image.id);
  return listResponse(req, { items }, softDeletedVersionView);
}

export const softDeletedVersionRoutes: ArmRoute[] = [
  {
    resourceType: SOFT_DELETED_VERSION_TYPE,
    apiVersions: SOFT_DELETE_API_VERSIONS,
    method: "GET",
    path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/softDeletedArtifactTypes/{artifactType}/artifacts/{artifactName}/versions",
    action: READ,
    listsBeneath: true,
    handler: listByArtifactName,
  },
];
