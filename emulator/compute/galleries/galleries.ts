import { listResponse, skipTokenOf } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import type { ResourceRecord } from "../../store/resources.js";
import {
  deleteGallery,
  galleryView,
  getGallery,
  patchGallery,
  putGallery,
  type GalleryRecord,
  type GalleryRef,
} from "./galleries.model.js";
import { GALLERY_API_VERSIONS, GALLERY_TYPE, requireResourceGroup } from "../shared/names.js";
import { galleryLroHeaders } from "../shared/provisioning.js";
import { wantsSharingGroups } from "../sharing/gallerySharing.profile.js";
import { requireLinkedRead } from "../../authorization/linkedAccess.js";
import { ASSIGN_USER_ASSIGNED_IDENTITY, userAssignedIdsIn } from "../../managedIdentity/resourceIdentity.js";

/** Microsoft.Compute/galleries: routes and thin handlers over galleries.model.ts. */

const GALLERY_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}";
const READ = "Microsoft.Compute/galleries/read";
const WRITE = "Microsoft.Compute/galleries/write";

function refOf(req: ArmRequest): GalleryRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
  };
}

function view(req: ArmRequest) {
  const now = req.ctx.clock.now();
  return (record: ResourceRecord) => galleryView(record as GalleryRecord, now);
}

/** ARM lists only what the caller may read; a list the caller may not see at all was refused by the pipeline. */
function readable(req: ArmRequest, items: ResourceRecord[]): ResourceRecord[] {
  return items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
}

/** ARM's linked access check on the user-assigned identities a write names: the caller must be able to assign them. */
function requireAssignableIdentities(req: ArmRequest): void {
  requireLinkedRead(
    req.ctx,
    req.caller,
    { action: WRITE, scope: req.path },
    userAssignedIdsIn(req.body),
    () => ASSIGN_USER_ASSIGNED_IDENTITY,
  );
}

const base = { resourceType: GALLERY_TYPE, apiVersions: GALLERY_API_VERSIONS } as const;

export const galleryRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: GALLERY_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      requireAssignableIdentities(req);
      const { record, created, operation } = putGallery(req.ctx, refOf(req), req.body);
      return {
        status: created ? 201 : 200,
        body: galleryView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PUT"),
      };
    },
  },
  {
    ...base,
    method: "PATCH",
    path: GALLERY_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      requireAssignableIdentities(req);
      const { record, operation } = patchGallery(req.ctx, refOf(req), req.body);
      return {
        status: 200,
        body: galleryView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PATCH"),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: GALLERY_PATH,
    action: READ,
    // $select=Permissions and $expand=SharingProfile/Groups add whom the gallery is shared with directly.
    handler: (req): ArmResponse => ({
      status: 200,
      body: galleryView(getGallery(req.ctx, refOf(req)), req.ctx.clock.now(), {
        sharingGroups: wantsSharingGroups(req.query),
      }),
    }),
  },
  {
    ...base,
    method: "DELETE",
    path: GALLERY_PATH,
    action: "Microsoft.Compute/galleries/delete",
    handler: (req): ArmResponse => {
      const operation = deleteGallery(req.ctx, refOf(req));
      return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
    },
  },
  {
    ...base,
    method: "GET",
    path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries",
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      requireResourceGroup(req.ctx, sub.subscriptionId, req.params.resourceGroupName!);
      const page = req.ctx.resources.listByResourceGroup(
        sub.subscriptionId,
        req.params.resourceGroupName!,
        GALLERY_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view(req));
    },
  },
  {
    ...base,
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/galleries",
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const page = req.ctx.resources.listBySubscription(
        sub.subscriptionId,
        GALLERY_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view(req));
    },
  },
];
