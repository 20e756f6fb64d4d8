"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/** The display name of a subscription for breadcrumbs; the id until (or unless) the list says otherwise. */
export function useSubscriptionName(subscriptionId: string): string {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  return (
    subscriptions.data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())?.displayName ??
    subscriptionId
  );
}
