import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";

/**
 * Shared gallery invites (GalleryRP 2025-12-03): the consumer accepts or rejects a gallery shared with one of its
 * subscriptions (`…/locations/{l}/sharedGallerySubscriptions/{owner}/sharedGalleries/{gallery}/accept|reject`) or
 * with its tenant (`/providers/Microsoft.Compute/locations/{l}/tenantLevelSharedGallerySubscriptions/…`). The API
 * lists no pending invites: the consumer names the gallery by its owner's subscription id and name.
 */

export type InviteDecision = "accept" | "reject";

export interface InviteTarget {
  /** The consumer's subscription for a subscription-level share; undefined for the tenant-level one. */
  consumerSubscriptionId?: string | undefined;
  /** Any subscription the caller can reach: the tenant-level POST has none in its path, but the client needs one. */
  clientSubscriptionId: string;
  location: string;
  ownerSubscriptionId: string;
  galleryName: string;
}

export async function answerSharedGalleryInvite(
  arm: ArmClients,
  target: InviteTarget,
  decision: InviteDecision,
): Promise<void> {
  const { location, ownerSubscriptionId, galleryName } = target;
  const scope = target.consumerSubscriptionId
    ? `/subscriptions/${target.consumerSubscriptionId}/providers/Microsoft.Compute/locations/${location}/sharedGallerySubscriptions/${ownerSubscriptionId}/sharedGalleries/${galleryName}/${decision}`
    : `/providers/Microsoft.Compute/locations/${location}/tenantLevelSharedGallerySubscriptions/${ownerSubscriptionId}/sharedGalleries/${galleryName}/${decision}`;
  try {
    if (target.consumerSubscriptionId) {
      const invites = arm.compute(target.consumerSubscriptionId).sharedGalleryInvites;
      const poller =
        decision === "accept"
          ? invites.gallerySharingAccept(location, ownerSubscriptionId, galleryName)
          : invites.gallerySharingReject(location, ownerSubscriptionId, galleryName);
      await poller.pollUntilDone();
    } else {
      const invites = arm.compute(target.clientSubscriptionId).tenantLevelSharedGalleryInvites;
      const poller =
        decision === "accept"
          ? invites.tenantLevelGallerySharingAccept(location, ownerSubscriptionId, galleryName)
          : invites.tenantLevelGallerySharingReject(location, ownerSubscriptionId, galleryName);
      await poller.pollUntilDone();
    }
  } catch (error) {
    throw toAzureError(error, scope);
  }
}
