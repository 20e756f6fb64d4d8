"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { Spinner } from "@/components/ui/Spinner";
import { GALLERY_LIMITS_TEXT, type GalleryLimitKind, type LimitUsage } from "@/lib/gallery/limits";
import { regionDisplayName } from "@/lib/gallery/regions";
import { usageQueries } from "@/lib/queries/galleryUsage";

export const LIMIT_LABELS: Record<GalleryLimitKind, string> = {
  galleries: "Galleries",
  imageDefinitions: "Image definitions",
  imageVersions: "Image versions",
};

export function UsageBar({ usage, where }: { usage: LimitUsage; where: string }) {
  const tone = usage.atLimit ? "failure" : usage.warning ? "unknown" : "progress";
  const text = `${usage.used.toLocaleString("en-US")} of ${usage.limit.toLocaleString("en-US")}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-xs text-slate-700">
        <span className="font-medium">{LIMIT_LABELS[usage.kind]}</span>
        <span>{text}</span>
      </div>
      <ProgressBar
        value={usage.ratio * 100}
        tone={tone}
        label={`${LIMIT_LABELS[usage.kind]} used in ${where}`}
        valueText={text}
      />
      {usage.atLimit ? (
        <p className="text-xs font-semibold text-red-800">Limit reached: the service refuses another one here.</p>
      ) : usage.warning ? (
        <p className="text-xs font-semibold text-amber-900">
          Warning: {Math.floor(usage.ratio * 100)}% of the limit is used.
        </p>
      ) : null}
    </div>
  );
}

/** Usage against the service's limits in one subscription and region, as a create form shows it before submit. */
export function LimitUsagePanel({
  subscriptionId,
  location,
  kinds,
}: {
  subscriptionId: string;
  location: string;
  kinds: readonly GalleryLimitKind[];
}) {
  const arm = useArm();
  const usage = useQuery(usageQueries.bySubscriptions(arm, subscriptionId ? [subscriptionId] : []));
  const where = regionDisplayName(location);
  return (
    <section aria-label="Limits" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">Limits in {location ? where : "the chosen region"}</h2>
      <p className="mb-3 text-xs text-slate-600">Per subscription and region: {GALLERY_LIMITS_TEXT}.</p>
      {!subscriptionId || !location ? (
        <p className="text-sm text-slate-600">Choose a subscription and a region to see the usage.</p>
      ) : usage.isPending ? (
        <Spinner label="Counting…" />
      ) : usage.isError ? (
        <ErrorPanel error={usage.error} title="The usage could not be counted" />
      ) : (
        <div className="grid gap-3">
          {kinds.map((kind) => (
            <UsageBar key={kind} usage={usage.data.at(subscriptionId, location).usages[kind]} where={where} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Every subscription and region holding gallery resources, for the overview. */
export function LimitsOverview({
  subscriptions,
}: {
  subscriptions: { subscriptionId: string; displayName: string }[];
}) {
  const arm = useArm();
  const usage = useQuery(
    usageQueries.bySubscriptions(
      arm,
      subscriptions.map((s) => s.subscriptionId),
    ),
  );
  if (subscriptions.length === 0) return null;
  if (usage.isPending) return <Spinner label="Counting usage…" />;
  if (usage.isError) return <ErrorPanel error={usage.error} title="Usage against the limits could not be counted" />;
  const nameOf = (id: string) =>
    subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase())?.displayName ?? id;
  const rows = usage.data
    .all()
    .sort(
      (a, b) =>
        nameOf(a.subscriptionId).localeCompare(nameOf(b.subscriptionId)) || a.location.localeCompare(b.location),
    );
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {rows.map((row) => {
        const where = `${nameOf(row.subscriptionId)}, ${regionDisplayName(row.location)}`;
        return (
          <li key={`${row.subscriptionId}-${row.location}`} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="mb-2 text-sm font-semibold text-slate-900">{where}</p>
            <div className="grid gap-2">
              {(Object.keys(row.usages) as GalleryLimitKind[]).map((kind) => (
                <UsageBar key={kind} usage={row.usages[kind]} where={where} />
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
