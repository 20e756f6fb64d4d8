"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { UnavailableSubscription } from "@/components/access/useGalleryCreationAccess";
import { useArm } from "@/components/layout/ArmContext";
import { GALLERY_WRITE_ACTION, ROLE_ASSIGNMENT_WRITE_ACTION, rolesAllowing } from "@/lib/access/galleryCreation";
import { accessQueries } from "@/lib/queries/access";
import { SafeText } from "@/components/ui/SafeText";

function joinOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/**
 * Who can let the user create galleries, named from the role definitions ARM lists, so a custom role that carries
 * the action is named too. Without the definitions, the action itself is the most precise thing to ask for.
 */
function WhoCanGrant() {
  const arm = useArm();
  const definitions = useQuery(accessQueries.roleDefinitions(arm));
  const carriers = rolesAllowing(definitions.data ?? [], GALLERY_WRITE_ACTION);
  const granters = rolesAllowing(definitions.data ?? [], ROLE_ASSIGNMENT_WRITE_ACTION);
  return (
    <p className="mt-2" data-testid="gallery-creation-who-can-grant">
      <span className="font-semibold">Who can grant it: </span>
      {granters.length > 0 ? `someone with ${joinOr(granters)}` : "someone who may assign roles"} on the subscription or
      the resource group. Ask them to assign you{" "}
      {carriers.length > 0 ? joinOr(carriers) : `a role that includes ${GALLERY_WRITE_ACTION}`} on a resource group (to
      create galleries in it) or on the subscription (to create galleries in new resource groups too).
    </p>
  );
}

/** The subscriptions where the user may not create a gallery, each with the reason, and who can change that. */
export function UnavailableSubscriptions({
  items,
  title,
}: {
  items: readonly UnavailableSubscription[];
  title: string;
}) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="gallery-creation-unavailable"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      <ul className="mt-2 flex flex-col gap-2" aria-labelledby={headingId}>
        {items.map(({ subscription, reason }) => (
          <li key={subscription.subscriptionId}>
            <SafeText value={subscription.displayName} className="font-semibold" />
            <span className="ml-1 font-mono text-xs text-amber-900">({subscription.subscriptionId})</span>
            <p>Not available: {reason}</p>
          </li>
        ))}
      </ul>
      <WhoCanGrant />
    </section>
  );
}

/** The page a user reaches at /galleries/new when no subscription lets them create a gallery: why, not a form. */
export function NoGalleryCreation({ unavailable }: { unavailable: readonly UnavailableSubscription[] }) {
  return (
    <div className="mt-4 flex flex-col gap-4">
      <div
        role="alert"
        data-testid="no-gallery-creation"
        className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950"
      >
        <h2 className="text-base font-semibold">You can&apos;t create a gallery</h2>
        <p className="mt-1">
          {unavailable.length === 0
            ? `You have no role assignment in any subscription, and creating a gallery needs ${GALLERY_WRITE_ACTION} on a subscription or resource group.`
            : "No subscription you can see lets you create one: each is listed below with the reason."}
        </p>
        {unavailable.length === 0 && <WhoCanGrant />}
      </div>
      <UnavailableSubscriptions items={unavailable} title="Your subscriptions" />
    </div>
  );
}
