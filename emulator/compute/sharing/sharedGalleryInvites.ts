import { checkLocationAvailable } from "../../../lib/gallery/regions.js";
import type { EmulatorContext } from "../../context.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../../router.js";
import type { GalleryBody, GalleryRecord } from "../galleries/galleries.model.js";
import { throwViolation } from "../shared/body.js";
import { canonicalLocation, GALLERY_API_VERSIONS, GALLERY_TYPE } from "../shared/names.js";
import type { TrackedState } from "../shared/provisioning.js";
import { SharingErrors } from "./gallerySharing.errors.js";
import { isSharedWith, type StoredSharingProfile } from "./gallerySharing.profile.js";

/**
 * Shared gallery invites (2025-12-03): the consumer accepts or rejects a gallery that was shared with its
 * subscription (`sharedGallerySubscriptions`) or with its tenant (`tenantLevelSharedGallerySubscriptions`). The
 * spec gives only the POSTs and the answer (`type`, `sharedGallerySubscriptionId`, `sharedGalleryName`, `location`,
 * `status`); the emulator checks that such a share exists and answers with the decision, without a pending-invite
 * state of its own (docs/azure-error-fidelity.md, "Shared gallery invites").
 */

type InviteScope = "Subscriptions" | "AADTenants";
type Decision = "accept" | "reject";

const STATUS: Record<Decision, string> = { accept: "Accepted", reject: "Rejected" };

/** The gallery named by the invite's subscription and name, when it is shared with the consumer. */
function sharedGallery(
  ctx: EmulatorContext,
  owner: { subscriptionId: string; galleryName: string },
  consumer: { subscriptionId?: string; tenantId?: string },
): GalleryRecord {
  const gallery = ctx.resources
    .allOfType<GalleryBody, TrackedState>(GALLERY_TYPE)
    .find(
      (g) =>
        g.subscriptionId.toLowerCase() === owner.subscriptionId.toLowerCase() &&
        g.name.toLowerCase() === owner.galleryName.toLowerCase() &&
        isSharedWith(g.body.properties.sharingProfile as StoredSharingProfile | undefined, consumer),
    );
  if (!gallery) throw SharingErrors.sharedGalleryNotFound(owner.galleryName);
  return gallery;
}

function answer(req: ArmRequest, scope: InviteScope, decision: Decision): ArmResponse {
  const location = req.params.location!;
  throwViolation(checkLocationAvailable(location, "Microsoft.Compute/locations/sharedGalleries"));
  const consumer =
    scope === "Subscriptions"
      ? { subscriptionId: visibleSubscription(req, req.params.subscriptionId!).subscriptionId }
      : { tenantId: req.caller.tenantId };
  const gallery = sharedGallery(
    req.ctx,
    { subscriptionId: req.params.sharedGallerySubscriptionId!, galleryName: req.params.sharedGalleryName! },
    consumer,
  );
  return {
    status: 200,
    body: {
      type: scope,
      sharedGallerySubscriptionId: gallery.subscriptionId,
      sharedGalleryName: gallery.name,
      location: canonicalLocation(location),
      status: STATUS[decision],
    },
  };
}

const SUBSCRIPTION_PATH =
  "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}";
const TENANT_PATH =
  "/providers/Microsoft.Compute/locations/{location}/tenantLevelSharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}";
const apiVersions = GALLERY_API_VERSIONS.filter((v) => v >= "2025-12-03");

export const sharedGalleryInviteRoutes: ArmRoute[] = (["accept", "reject"] as const).flatMap((decision) => [
  {
    method: "POST" as const,
    path: `${SUBSCRIPTION_PATH}/${decision}`,
    resourceType: "Microsoft.Compute/locations/sharedGallerySubscriptions/sharedGalleries",
    apiVersions,
    action: `Microsoft.Compute/locations/sharedGallerySubscriptions/sharedGalleries/${decision}/action`,
    scope: (params: Record<string, string>) => `/subscriptions/${params.subscriptionId}`,
    handler: (req: ArmRequest) => answer(req, "Subscriptions", decision),
  },
  {
    method: "POST" as const,
    path: `${TENANT_PATH}/${decision}`,
    resourceType: "Microsoft.Compute/locations/tenantLevelSharedGallerySubscriptions/sharedGalleries",
    apiVersions,
    // A tenant-level decision belongs to the tenant, not to a subscription: any signed-in caller of the tenant.
    handler: (req: ArmRequest) => answer(req, "AADTenants", decision),
  },
]);
