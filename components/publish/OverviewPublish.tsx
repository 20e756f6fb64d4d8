"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/fields";
import { LimitsOverview } from "@/components/publish/LimitUsage";
import { Section } from "@/components/ui/Section";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/**
 * The overview's publish entry point and the limits per subscription and region. A module of its own, apart from
 * the gallery, definition and version actions, so the overview's first load does not carry their delete dialogs.
 */
export function OverviewPublish() {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  return (
    <Section
      title="Publishing"
      description="Usage against the service's limits per subscription and region; a warning shows from 80%."
      actions={
        <Link href="/galleries/new" className={`${buttonClass.primary} inline-flex items-center`}>
          Create gallery
        </Link>
      }
    >
      <LimitsOverview subscriptions={subscriptions.data ?? []} />
    </Section>
  );
}
