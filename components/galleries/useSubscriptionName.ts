"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/** Display names of the signed-in user's subscriptions, by id (the id itself while unknown). */
export function useSubscriptionNames(): (subscriptionId: string) => string {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  return (subscriptionId) =>
    subscriptions.data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())?.displayName ??
    subscriptionId;
}

/** The display name of a subscription for breadcrumbs; the id until (or unless) the list says otherwise. */
export function useSubscriptionName(subscriptionId: string): string {
  return useSubscriptionNames()(subscriptionId);
}
