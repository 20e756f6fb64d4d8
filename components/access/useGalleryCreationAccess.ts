"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import type { GalleryCreationAccess } from "@/lib/access/galleryCreation";
import { galleryCreationQueries } from "@/lib/queries/galleryCreation";
import { toAzureError } from "@/lib/azure/errors";
import { type Subscription, subscriptionQueries } from "@/lib/queries/subscriptions";

export interface CreatableSubscription {
  subscription: Subscription;
  access: Extract<GalleryCreationAccess, { allowed: true }>;
}

export interface UnavailableSubscription {
  subscription: Subscription;
  reason: string;
}

export interface GalleryCreationAccessResult {
  /** True until every subscription has been checked: nothing is offered or refused on half an answer. */
  isPending: boolean;
  /** The subscription list itself could not be read. */
  error: unknown;
  creatable: CreatableSubscription[];
  unavailable: UnavailableSubscription[];
}

/** Where the signed-in user may create a gallery, per subscription they can see, and why not elsewhere. */
export function useGalleryCreationAccess(): GalleryCreationAccessResult {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const list = subscriptions.data ?? [];
  const checks = useQueries({ queries: list.map((s) => galleryCreationQueries.bySubscription(arm, s.subscriptionId)) });

  const creatable: CreatableSubscription[] = [];
  const unavailable: UnavailableSubscription[] = [];
  list.forEach((subscription, i) => {
    const check = checks[i];
    const access = check?.data;
    if (access?.allowed) creatable.push({ subscription, access });
    else if (access) unavailable.push({ subscription, reason: access.reason });
    else if (check?.isError) {
      const error = toAzureError(check.error);
      unavailable.push({
        subscription,
        reason: `Your permissions in this subscription could not be read (${error.code}: ${error.message}).`,
      });
    }
  });
  return {
    isPending: subscriptions.isPending || checks.some((c) => c.isPending),
    error: subscriptions.error,
    creatable,
    unavailable,
  };
}
