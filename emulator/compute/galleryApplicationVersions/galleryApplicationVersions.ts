import { listResponse, skipTokenOf } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import {
  deleteGalleryApplicationVersion,
  galleryApplicationVersionView,
  getGalleryApplicationVersion,
  patchGalleryApplicationVersion,
  putGalleryApplicationVersion,
  type GalleryApplicationVersionBody,
  type GalleryApplicationVersionRef,
  type GalleryApplicationVersionState,
} from "./galleryApplicationVersions.model.js";
import { getGalleryApplication, type GalleryApplicationRef } from "../galleryApplications/galleryApplications.model.js";
import { GALLERY_API_VERSIONS, GALLERY_APPLICATION_VERSION_TYPE } from "../shared/names.js";
import { galleryLroHeaders } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/applications/versions: routes and thin handlers over galleryApplicationVersions.model.ts. */

const APPLICATION_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/applications/{galleryApplicationName}";
const VERSION_PATH = `${APPLICATION_PATH}/versions/{galleryApplicationVersionName}`;
const READ = "Microsoft.Compute/galleries/applications/versions/read";
const WRITE = "Microsoft.Compute/galleries/applications/versions/write";

function applicationRefOf(req: ArmRequest): GalleryApplicationRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
    application: req.params.galleryApplicationName!,
  };
}

function refOf(req: ArmRequest): GalleryApplicationVersionRef {
  return { ...applicationRefOf(req), version: req.params.galleryApplicationVersionName! };
}

/** `$expand=ReplicationStatus`, matched as ARM matches query values: without regard to case. */
function expandsReplication(req: ArmRequest): boolean {
  const expand = Object.entries(req.query).find(([key]) => key.toLowerCase() === "$expand")?.[1] ?? "";
  return expand.split(",").some((part) => part.trim().toLowerCase() === "replicationstatus");
}

const base = { resourceType: GALLERY_APPLICATION_VERSION_TYPE, apiVersions: GALLERY_API_VERSIONS } as const;

export const galleryApplicationVersionRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: VERSION_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, created, operation } = putGalleryApplicationVersion(req.ctx, refOf(req), req.body);
      return {
        status: created ? 201 : 200,
        body: galleryApplicationVersionView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PUT"),
      };
    },
  },
  {
    ...base,
    method: "PATCH",
    path: VERSION_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      const { record, operation } = patchGalleryApplicationVersion(req.ctx, refOf(req), req.body);
      return {
        status: 200,
        body: galleryApplicationVersionView(record, req.ctx.clock.now()),
        headers: galleryLroHeaders(req, operation, "PATCH"),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: VERSION_PATH,
    action: READ,
    handler: (req): ArmResponse => ({
      status: 200,
      body: galleryApplicationVersionView(getGalleryApplicationVersion(req.ctx, refOf(req)), req.ctx.clock.now(), {
        expandReplication: expandsReplication(req),
      }),
    }),
  },
  {
    ...base,
    method: "DELETE",
    path: VERSION_PATH,
    action: "Microsoft.Compute/galleries/applications/versions/delete",
    handler: (req): ArmResponse => {
      const operation = deleteGalleryApplicationVersion(req.ctx, refOf(req));
      return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${APPLICATION_PATH}/versions`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const application = getGalleryApplication(req.ctx, applicationRefOf(req));
      const page = req.ctx.resources.listChildren<GalleryApplicationVersionBody, GalleryApplicationVersionState>(
        application.id,
        GALLERY_APPLICATION_VERSION_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      const items = page.items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
      const now = req.ctx.clock.now();
      const expand = expandsReplication(req);
      return listResponse(req, { ...page, items }, (r) =>
        galleryApplicationVersionView(r, now, { expandReplication: expand }),
      );
    },
  },
];
