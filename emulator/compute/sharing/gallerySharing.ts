import { asyncOperationHeaders } from "../../operations.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import type { GalleryRef } from "../galleries/galleries.model.js";
import { shareGallery, shareOutcome } from "./gallerySharing.model.js";
import { GALLERY_API_VERSIONS, GALLERY_TYPE } from "../shared/names.js";

/** Microsoft.Compute/galleries/share (GallerySharingProfile_Update): routes and thin handlers. */

const SHARE_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/share";
const SHARE_ACTION = "Microsoft.Compute/galleries/share/action";
/** Direct sharing came with 2020-09-30. */
const SHARE_API_VERSIONS = GALLERY_API_VERSIONS.filter((v) => v >= "2020-09-30");

function refOf(req: ArmRequest): GalleryRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
  };
}

function shareLocation(req: ArmRequest, operationId: string): string {
  const url = new URL(req.path, req.origin);
  url.searchParams.set("api-version", req.apiVersion);
  url.searchParams.set("operationId", operationId);
  return url.toString();
}

export const gallerySharingRoutes: ArmRoute[] = [
  {
    method: "POST",
    path: SHARE_PATH,
    resourceType: GALLERY_TYPE,
    apiVersions: SHARE_API_VERSIONS,
    action: SHARE_ACTION,
    scope: (params) =>
      `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}/providers/Microsoft.Compute/galleries/${params.galleryName}`,
    handler: (req): ArmResponse => {
      const ref = refOf(req);
      const { update, operation } = shareGallery(req.ctx, ref, req.body);
      // Like the service: 202 with the operation to poll and a Location that answers with the update once it ends.
      const headers = asyncOperationHeaders(req.origin, operation);
      return {
        status: 202,
        body: update,
        headers: {
          "Azure-AsyncOperation": headers["Azure-AsyncOperation"]!,
          Location: shareLocation(req, operation.operationId),
          "Retry-After": "1",
        },
      };
    },
  },
  {
    // The share's Location: 202 while its operation runs, then the update that was applied.
    method: "GET",
    path: SHARE_PATH,
    resourceType: GALLERY_TYPE,
    apiVersions: SHARE_API_VERSIONS,
    action: SHARE_ACTION,
    scope: (params) =>
      `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}/providers/Microsoft.Compute/galleries/${params.galleryName}`,
    handler: (req): ArmResponse => {
      const outcome = shareOutcome(req.ctx, refOf(req), req.query.operationId);
      if (outcome.running)
        return {
          status: 202,
          headers: { Location: `${req.origin}${req.path}?${new URLSearchParams(req.query)}`, "Retry-After": "1" },
        };
      return { status: 200, body: outcome.update ?? {} };
    },
  },
];
