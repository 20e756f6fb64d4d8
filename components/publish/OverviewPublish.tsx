"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { LimitsOverview } from "@/components/publish/LimitUsage";
import { Section } from "@/components/ui/Section";
import { USAGE_WARNING_RATIO } from "@/lib/gallery/limits";
import { anyGalleryCreationQuery } from "@/lib/queries/galleryCreation";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/**
 * The overview's publish entry point and the limits per subscription and region. A module of its own, apart from
 * the gallery, definition and version actions, so the overview's first load does not carry their delete dialogs.
 */
export function OverviewPublish() {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const creation = useQuery({
    ...anyGalleryCreationQuery(
      arm,
      (subscriptions.data ?? []).map((s) => s.subscriptionId),
    ),
    enabled: subscriptions.isSuccess,
  });
  return (
    <Section
      title="Publishing"
      description={`Usage against the service's limits per subscription and region; a warning shows from ${USAGE_WARNING_RATIO * 100}%.`}
      actions={
        // As with the other create links: only where the user may use it, and nothing while that is being checked.
        creation.isPending || creation.error ? null : creation.data ? (
          <Link href="/galleries/new" className={`${buttonClass.primary} inline-flex items-center`}>
            Create gallery
          </Link>
        ) : (
          <p data-testid="create-gallery-unavailable" className="text-sm text-slate-700">
            None of your subscriptions lets you create a gallery.{" "}
            <Link href="/galleries/new" className="text-brand-700 underline">
              Why, and who can grant it
            </Link>
          </p>
        )
      }
    >
      <LimitsOverview subscriptions={subscriptions.data ?? []} />
    </Section>
  );
}
