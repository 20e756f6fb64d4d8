import {
  galleryApplicationResourceId,
  galleryApplicationVersionResourceId,
  galleryImageResourceId,
  galleryImageVersionResourceId,
  galleryResourceId,
  managedImageResourceId,
} from "../../lib/azure/resourceId.js";
import { makeGalleryImagePropertiesSchema } from "../../lib/gallery/galleryImage.js";
import { findRegion } from "../../lib/gallery/regions.js";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import {
  GALLERY_APPLICATION_TYPE,
  GALLERY_APPLICATION_VERSION_TYPE,
  GALLERY_IMAGE_TYPE,
  GALLERY_IMAGE_VERSION_TYPE,
  GALLERY_TYPE,
  VIRTUAL_MACHINE_SCALE_SET_TYPE,
  VIRTUAL_MACHINE_TYPE,
} from "../compute/shared/names.js";
import type { EmulatorContext } from "../context.js";
import { warmResourceGraph } from "../resourceGraph/query.js";
import { RESOURCE_GROUP_TYPE, resourceGroupId } from "../resources/resourceGroups.js";
import { seedEmulatorTenant } from "./empty.js";
import { EMPTY_SEED } from "./wellKnown.js";

/**
 * The `scale` seed: many subscriptions full of galleries, for the inventory benchmark and Resource Graph.
 * `EMULATOR_SEED=scale:subscriptions=200,galleries=5,definitions=10,versions=3` (omitted counts take these
 * defaults; `applications` and `applicationVersions`, VM applications per gallery and versions per application,
 * default to none). One tenant (the empty seed's), `admin` Owner of every subscription, `reader` Reader of every
 * other one (the even-numbered), `user` without access, and the automation service principal Owner of all.
 * Rows are written straight to the store in the shapes the Compute models store (validation of 40,000
 * resources through the models would take far longer than a benchmark should wait), all settled: no
 * operation running, replication completed a day before the seed ran. Resource Graph's index is built at the
 * end, so the benchmark's first query does not pay for reading 40,000 resources.
 */

export interface ScaleSpec {
  subscriptions: number;
  galleries: number;
  definitions: number;
  versions: number;
  /**
   * VMs per subscription, each made from the first subscription's first definition (every tenth a scale set; half
   * pinned to a version, half following latest): what the usage benchmark joins.
   */
  vms: number;
  /** VM applications per gallery, and versions per application (the application page's version list at scale). */
  applications: number;
  applicationVersions: number;
}

export const SCALE_DEFAULTS: ScaleSpec = {
  subscriptions: 200,
  galleries: 5,
  definitions: 10,
  versions: 3,
  vms: 0,
  applications: 0,
  applicationVersions: 0,
};

export const SCALE_SEED = {
  tenantId: EMPTY_SEED.tenantId,
  admin: EMPTY_SEED.admin,
  user: EMPTY_SEED.user,
  servicePrincipal: EMPTY_SEED.servicePrincipal,
  reader: {
    objectId: "5ca1e000-0000-4000-8000-0000000000b1",
    upn: "reader@emulator.onmicrosoft.com",
    password: "Reader#1234",
  },
  resourceGroup: "rg-images",
  /** The n-th subscription (1-based). */
  subscriptionId: (n: number) => `5ca1e000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
  galleryName: (g: number) => `gallery_${String(g).padStart(2, "0")}`,
  definitionName: (d: number) => `image-${String(d).padStart(2, "0")}`,
  versionName: (v: number) => `1.0.${v - 1}`,
  applicationName: (a: number) => `app-${String(a).padStart(2, "0")}`,
};

const REGIONS = ["westeurope", "eastus", "northeurope", "westus2"];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads `scale:key=value,...`; unknown keys and non-positive counts are refused so a typo does not pass silently. */
export function parseScaleSpec(seed: string): ScaleSpec {
  const spec = { ...SCALE_DEFAULTS };
  const params = seed.split(":").slice(1).join(":");
  for (const part of params.split(",").filter((p) => p.trim() !== "")) {
    const [key, value] = part.split("=").map((s) => s.trim());
    if (!key || !(key in spec))
      throw new Error(
        `EMULATOR_SEED: unknown scale parameter '${key}' (use ${Object.keys(SCALE_DEFAULTS).join(", ")}).`,
      );
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || (key === "subscriptions" && n < 1)) {
      throw new Error(
        `EMULATOR_SEED: scale parameter '${key}' must be a non-negative integer (subscriptions at least 1), not '${value}'.`,
      );
    }
    spec[key as keyof ScaleSpec] = n;
  }
  return spec;
}

export function seedScale(ctx: EmulatorContext, seed: string): ScaleSpec {
  const spec = parseScaleSpec(seed);
  const { directory, roleAssignments, resources } = ctx;
  const S = SCALE_SEED;
  seedEmulatorTenant(ctx, "Emulator (scale)");
  directory.addPrincipal({
    objectId: S.reader.objectId,
    tenantId: S.tenantId,
    kind: "User",
    displayName: "Reader",
    upn: S.reader.upn,
    mail: S.reader.upn,
    password: S.reader.password,
    persona: "reader",
  });

  const now = ctx.clock.now();
  const publishedAt = now - DAY_MS;
  const definitionTemplate = makeGalleryImagePropertiesSchema(() => new Date(now)).parse({
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    identifier: { publisher: "Contoso", offer: "offer", sku: "sku" },
  });

  for (let n = 1; n <= spec.subscriptions; n++) {
    const subscriptionId = S.subscriptionId(n);
    const location = REGIONS[(n - 1) % REGIONS.length]!;
    const regionName = findRegion(location)!.displayName;
    directory.addSubscription({
      subscriptionId,
      tenantId: S.tenantId,
      displayName: `Scale subscription ${String(n).padStart(3, "0")}`,
      state: "Enabled",
    });
    const scope = `/subscriptions/${subscriptionId}`;
    roleAssignments.create({
      scope,
      roleDefinitionGuid: BUILT_IN_ROLE_IDS.Owner,
      principalId: S.admin.objectId,
      principalType: "User",
    });
    roleAssignments.create({
      scope,
      roleDefinitionGuid: BUILT_IN_ROLE_IDS.Owner,
      principalId: S.servicePrincipal.objectId,
      principalType: "ServicePrincipal",
    });
    if (n % 2 === 0)
      roleAssignments.create({
        scope,
        roleDefinitionGuid: BUILT_IN_ROLE_IDS.Reader,
        principalId: S.reader.objectId,
        principalType: "User",
      });

    const rg = S.resourceGroup;
    const rgId = resourceGroupId(subscriptionId, rg);
    resources.put({
      id: rgId,
      type: RESOURCE_GROUP_TYPE,
      name: rg,
      subscriptionId,
      resourceGroup: rg,
      parentKey: scope,
      location,
      body: { id: rgId, name: rg, type: RESOURCE_GROUP_TYPE, location },
      state: {},
    });
    const sourceImageId = managedImageResourceId(subscriptionId, rg, "golden-source");

    for (let g = 1; g <= spec.galleries; g++) {
      const gallery = S.galleryName(g);
      const galleryId = galleryResourceId(subscriptionId, rg, gallery);
      resources.put({
        id: galleryId,
        type: GALLERY_TYPE,
        name: gallery,
        subscriptionId,
        resourceGroup: rg,
        parentKey: rgId,
        location,
        body: {
          id: galleryId,
          name: gallery,
          type: GALLERY_TYPE,
          location,
          properties: { description: `Scale gallery ${g} of subscription ${n}` },
        },
        state: {},
      });
      for (let d = 1; d <= spec.definitions; d++) {
        const image = S.definitionName(d);
        const imageId = galleryImageResourceId(subscriptionId, rg, gallery, image);
        const properties = {
          ...definitionTemplate,
          identifier: { publisher: "Contoso", offer: `offer-${g}`, sku: `sku-${d}` },
        };
        resources.put({
          id: imageId,
          type: GALLERY_IMAGE_TYPE,
          name: image,
          subscriptionId,
          resourceGroup: rg,
          parentKey: galleryId,
          location,
          body: { id: imageId, name: image, type: GALLERY_IMAGE_TYPE, location, properties },
          state: {},
        });
        for (let v = 1; v <= spec.versions; v++) {
          const version = S.versionName(v);
          const versionId = galleryImageVersionResourceId(subscriptionId, rg, gallery, image, version);
          resources.put({
            id: versionId,
            type: GALLERY_IMAGE_VERSION_TYPE,
            name: version,
            subscriptionId,
            resourceGroup: rg,
            parentKey: imageId,
            location,
            body: {
              id: versionId,
              name: version,
              type: GALLERY_IMAGE_VERSION_TYPE,
              location,
              properties: {
                publishingProfile: { targetRegions: [{ name: location }] },
                storageProfile: {
                  source: { id: sourceImageId },
                  osDiskImage: { sizeInGB: 30, hostCaching: "ReadWrite" },
                  dataDiskImages: [],
                },
                safetyProfile: {},
                publishedDate: new Date(publishedAt + v * 60_000).toISOString(),
              },
            },
            state: replicatedIn(regionName, publishedAt),
          });
        }
      }
    }
    for (let g = 1; g <= spec.galleries; g++)
      seedScaleApplications(ctx, spec, subscriptionId, S.galleryName(g), location, publishedAt);
    seedScaleVms(ctx, spec, subscriptionId, rgId, location);
  }
  warmResourceGraph(ctx);
  return spec;
}

/** A version's replication state: one replica in its own region, copied in five minutes from `publishedAt`. */
function replicatedIn(regionName: string, publishedAt: number) {
  return {
    replication: [
      {
        region: regionName,
        replicaCount: 1,
        storageAccountType: "Standard_LRS",
        startedAt: publishedAt,
        durationMs: 5 * 60_000,
      },
    ],
  };
}

/** A gallery's VM applications and their versions, stored as the application models store them, all replicated. */
function seedScaleApplications(
  ctx: EmulatorContext,
  spec: ScaleSpec,
  subscriptionId: string,
  gallery: string,
  location: string,
  publishedAt: number,
) {
  const S = SCALE_SEED;
  const rg = S.resourceGroup;
  const regionName = findRegion(location)!.displayName;
  for (let a = 1; a <= spec.applications; a++) {
    const application = S.applicationName(a);
    const applicationId = galleryApplicationResourceId(subscriptionId, rg, gallery, application);
    ctx.resources.put({
      id: applicationId,
      type: GALLERY_APPLICATION_TYPE,
      name: application,
      subscriptionId,
      resourceGroup: rg,
      parentKey: galleryResourceId(subscriptionId, rg, gallery),
      location,
      body: {
        id: applicationId,
        name: application,
        type: GALLERY_APPLICATION_TYPE,
        location,
        properties: { supportedOSType: "Linux", description: `Scale application ${a}` },
      },
      state: {},
    });
    for (let v = 1; v <= spec.applicationVersions; v++) {
      const version = S.versionName(v);
      const versionId = galleryApplicationVersionResourceId(subscriptionId, rg, gallery, application, version);
      ctx.resources.put({
        id: versionId,
        type: GALLERY_APPLICATION_VERSION_TYPE,
        name: version,
        subscriptionId,
        resourceGroup: rg,
        parentKey: applicationId,
        location,
        body: {
          id: versionId,
          name: version,
          type: GALLERY_APPLICATION_VERSION_TYPE,
          location,
          properties: {
            publishingProfile: {
              source: {
                mediaLink: `https://scalepackages.blob.core.windows.net/packages/${application}-${version}.zip`,
              },
              manageActions: { install: "sh install.sh", remove: "sh remove.sh" },
              targetRegions: [{ name: location }],
            },
            safetyProfile: {},
            publishedDate: new Date(publishedAt + v * 60_000).toISOString(),
          },
        },
        state: replicatedIn(regionName, publishedAt),
      });
    }
  }
}

/** The subscription's VMs and scale sets, stored as the Compute models store them once created from the image. */
function seedScaleVms(ctx: EmulatorContext, spec: ScaleSpec, subscriptionId: string, rgId: string, location: string) {
  if (spec.vms === 0 || spec.galleries === 0 || spec.definitions === 0) return;
  const S = SCALE_SEED;
  const rg = S.resourceGroup;
  const definitionId = galleryImageResourceId(S.subscriptionId(1), rg, S.galleryName(1), S.definitionName(1));
  const newest = S.versionName(Math.max(spec.versions, 1));
  for (let i = 1; i <= spec.vms; i++) {
    const scaleSet = i % 10 === 0;
    const type = scaleSet ? VIRTUAL_MACHINE_SCALE_SET_TYPE : VIRTUAL_MACHINE_TYPE;
    const name = `${scaleSet ? "vmss" : "vm"}-${String(i).padStart(4, "0")}`;
    const id = `${rgId}/providers/${type}/${name}`;
    const pinned = S.versionName(((i - 1) % Math.max(spec.versions, 1)) + 1);
    const imageReference =
      i % 2 === 0
        ? { id: `${definitionId}/versions/${pinned}`, exactVersion: pinned }
        : { id: definitionId, exactVersion: newest };
    const storageProfile = { imageReference, osDisk: { osType: "Linux", createOption: "FromImage", diskSizeGB: 30 } };
    ctx.resources.put({
      id,
      type,
      name,
      subscriptionId,
      resourceGroup: rg,
      parentKey: rgId,
      location,
      body: {
        id,
        name,
        type,
        location,
        ...(scaleSet ? { sku: { name: "Standard_D2s_v5", tier: "Standard", capacity: 2 } } : {}),
        properties: scaleSet
          ? { virtualMachineProfile: { storageProfile } }
          : { hardwareProfile: { vmSize: "Standard_D2s_v5" }, storageProfile },
      },
      state: {},
    });
  }
}
