import { listResponse, skipTokenOf } from "../../paging.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import { linkedIdsAt, requireLinkedRead } from "../../authorization/linkedAccess.js";
import {
  deleteGalleryImageVersion,
  galleryImageVersionView,
  getGalleryImageVersion,
  patchGalleryImageVersion,
  putGalleryImageVersion,
  type GalleryImageVersionBody,
  type GalleryImageVersionRef,
  type GalleryImageVersionState,
  type VersionViewOptions,
} from "./galleryImageVersions.model.js";
import {
  getGalleryImage,
  parentGallery,
  type GalleryImageRecord,
  type GalleryImageRef,
} from "../galleryImages/galleryImages.model.js";
import { GALLERY_API_VERSIONS, GALLERY_IMAGE_VERSION_TYPE } from "../shared/names.js";
import { galleryLroHeaders } from "../shared/provisioning.js";

/** Microsoft.Compute/galleries/images/versions: routes and thin handlers over galleryImageVersions.model.ts. */

const IMAGE_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/images/{galleryImageName}";
const VERSION_PATH = `${IMAGE_PATH}/versions/{galleryImageVersionName}`;
const READ = "Microsoft.Compute/galleries/images/versions/read";
const WRITE = "Microsoft.Compute/galleries/images/versions/write";

function imageRefOf(req: ArmRequest): GalleryImageRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    gallery: req.params.galleryName!,
    image: req.params.galleryImageName!,
  };
}

function refOf(req: ArmRequest): GalleryImageVersionRef {
  return { ...imageRefOf(req), version: req.params.galleryImageVersionName! };
}

/** The parts of `$expand` (ReplicationStatus, UefiSettings, ValidationProfile), matched as ARM matches query values: without regard to case. */
function expandsOf(req: ArmRequest): Set<string> {
  const expand = Object.entries(req.query).find(([key]) => key.toLowerCase() === "$expand")?.[1] ?? "";
  return new Set(expand.split(",").map((part) => part.trim().toLowerCase()));
}

function viewOptions(req: ArmRequest, definition: GalleryImageRecord): VersionViewOptions {
  const expand = expandsOf(req);
  return {
    expandReplication: expand.has("replicationstatus"),
    expandUefiSettings: expand.has("uefisettings"),
    ...(expand.has("validationprofile") ? { validationOf: definition } : {}),
  };
}

const base = { resourceType: GALLERY_IMAGE_VERSION_TYPE, apiVersions: GALLERY_API_VERSIONS } as const;

/** What a version's body links to: its sources and the disk encryption sets of its regions. */
const LINKS = [
  "properties.storageProfile.source.id",
  "properties.storageProfile.source.virtualMachineId",
  "properties.storageProfile.source.storageAccountId",
  "properties.storageProfile.osDiskImage.source.id",
  "properties.storageProfile.osDiskImage.source.storageAccountId",
  "properties.storageProfile.dataDiskImages[].source.id",
  "properties.storageProfile.dataDiskImages[].source.storageAccountId",
  "properties.publishingProfile.targetRegions[].encryption.osDiskImage.diskEncryptionSetId",
  "properties.publishingProfile.targetRegions[].encryption.dataDiskImages[].diskEncryptionSetId",
];

function requireLinkedSources(req: ArmRequest): void {
  requireLinkedRead(req.ctx, req.caller, { action: WRITE, scope: req.path }, linkedIdsAt(req.body, LINKS));
}

export const galleryImageVersionRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: VERSION_PATH,
    action: WRITE,
    handler: (req): ArmResponse => {
      requireLinkedSources(req);
      const { record, created, operation } = putGalleryImageVersion(req.ctx, refOf(req), req.body, {
        apiVersion: req.apiVersion,
      });
      return {
        status: created ? 201 : 200,
        body: galleryImageVersionView(record, req.ctx.clock.now(), { expandUefiSettings: true }),
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
      requireLinkedSources(req);
      const { record, operation } = patchGalleryImageVersion(req.ctx, refOf(req), req.body, req.apiVersion);
      return {
        status: 200,
        body: galleryImageVersionView(record, req.ctx.clock.now(), { expandUefiSettings: true }),
        headers: galleryLroHeaders(req, operation, "PATCH"),
      };
    },
  },
  {
    ...base,
    method: "GET",
    path: VERSION_PATH,
    action: READ,
    handler: (req): ArmResponse => {
      const ref = refOf(req);
      const record = getGalleryImageVersion(req.ctx, ref);
      const definition = getGalleryImage(req.ctx, ref);
      return { status: 200, body: galleryImageVersionView(record, req.ctx.clock.now(), viewOptions(req, definition)) };
    },
  },
  {
    ...base,
    method: "DELETE",
    path: VERSION_PATH,
    action: "Microsoft.Compute/galleries/images/versions/delete",
    handler: (req): ArmResponse => {
      const operation = deleteGalleryImageVersion(req.ctx, refOf(req));
      return { status: 202, headers: galleryLroHeaders(req, operation, "DELETE") };
    },
  },
  {
    ...base,
    method: "GET",
    path: `${IMAGE_PATH}/versions`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const ref = imageRefOf(req);
      parentGallery(req.ctx, ref);
      const image = getGalleryImage(req.ctx, ref);
      const page = req.ctx.resources.listChildren<GalleryImageVersionBody, GalleryImageVersionState>(
        image.id,
        GALLERY_IMAGE_VERSION_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      const items = page.items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
      const now = req.ctx.clock.now();
      const options = viewOptions(req, image);
      return listResponse(req, { ...page, items }, (r) => galleryImageVersionView(r, now, options));
    },
  },
];
