import { listResponse, skipTokenOf } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import {
  deleteGalleryApplication,
  galleryApplicationView,
  getGalleryApplication,
  patchGalleryApplication,
  putGalleryApplication,
  type GalleryApplicationBody,
  type GalleryApplicationRef,
} from "./galleryApplications.model.js";
import type { GalleryRef } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { GALLERY_API_VERSIONS, GALLERY_APPLICATION_TYPE } from "../shared/names.js";
import { galleryLroHeaders, type TrackedState } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/applications: routes and thin handlers over galleryApplications.model.ts. */

const GALLERY_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}";
const APPLICATION_PATH = `${GALLERY_PATH}/applications/{galleryApplicationName}`;
const READ = "Microsoft.Compute/galleries/applications/read";
const WRITE = "Microsoft.Compute/galleries/applications/write";

function galleryRefOf(req: ArmRequest): GalleryRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
  };
}

function refOf(req: ArmRequest): GalleryApplicationRef {
  return { ...galleryRefOf(req), application: req.params.galleryApplicationName! };
}

const base = { resourceType: GALLERY_APPLICATION_TYPE, apiVersions: GALLERY_API_VERSIONS } as const;

export const galleryApplicationRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: APPLICATION_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, created, operation } = putGalleryApplication(req.ctx, refOf(req), req.body);
      return {
        status: created ? 201 : 200,
        body: galleryApplicationView(record),
        headers: galleryLroHeaders(req, operation, "PUT"),
      };
    },
  },
  {
    ...base,
    method: "PATCH",
    path: APPLICATION_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, operation } = patchGalleryApplication(req.ctx, refOf(req), req.body);
      return { status: 200, body: galleryApplicationView(record), headers: galleryLroHeaders(req, operation, "PATCH") };
    },
  },
  {
    ...base,
    method: "GET",
    path: APPLICATION_PATH,
    action: READ,
    handler: (req): ArmResponse => ({
      status: 200,
      body: galleryApplicationView(getGalleryApplication(req.ctx, refOf(req))),
    }),
  },
  {
    ...base,
    method: "DELETE",
    path: APPLICATION_PATH,
    action: "Microsoft.Compute/galleries/applications/delete",
    handler: (req): ArmResponse => {
      const operation = deleteGalleryApplication(req.ctx, refOf(req));
      return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${GALLERY_PATH}/applications`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const gallery = parentGallery(req.ctx, galleryRefOf(req));
      const page = req.ctx.resources.listChildren<GalleryApplicationBody, TrackedState>(
        gallery.id,
        GALLERY_APPLICATION_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      const items = page.items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
      return listResponse(req, { ...page, items }, (r) => galleryApplicationView(r));
    },
  },
];
