"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Card, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { type AttentionItem, needsAttention } from "@/lib/attention/needsAttention";
import { pageHref } from "@/lib/azure/routeParams";
import { attentionQueries } from "@/lib/queries/attention";
import { usageQueries } from "@/lib/queries/galleryUsage";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

const KIND_LABELS: Record<AttentionItem["kind"], string> = {
  replicationFailed: "Replication failed",
  replicationStalled: "Replication slow",
  latestPastEndOfLife: "latest past end of life",
  inUsePastEndOfLife: "In use past end of life",
  policyViolation: "Flagged",
  validationFailed: "Validation failed",
  limitNearlyReached: "Near a limit",
  purgeSoon: "Purge soon",
};

function ItemRow({ item }: { item: AttentionItem }) {
  const href = item.kind === "limitNearlyReached" ? "/" : pageHref(item.resourceId);
  return (
    <li className="flex flex-col gap-1 border-b border-slate-100 py-3 last:border-0">
      <div className="flex flex-wrap items-center gap-2">
        <Tag tone={item.severity === "error" ? "warn" : "neutral"}>{KIND_LABELS[item.kind]}</Tag>
        {item.kind === "limitNearlyReached" ? (
          <span className="text-sm font-semibold text-slate-900">{item.where}</span>
        ) : (
          <Link href={href} className="font-mono text-sm text-brand-700 hover:underline">
            {item.where}
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-800">{item.title}</p>
      <p className="text-sm text-slate-600">
        <span className="font-medium">Fix: </span>
        {item.fix}
      </p>
    </li>
  );
}

/**
 * The overview's list of what needs a person across every gallery the user can read (Resource Graph): each item
 * links to where it is and says what to do; an empty state when nothing does.
 */
export function NeedsAttention() {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const ids = (subscriptions.data ?? []).map((s) => s.subscriptionId);
  const scan = useQuery({
    ...attentionQueries.scan(arm, ids),
    enabled: subscriptions.isSuccess && ids.length > 0,
  });
  const usage = useQuery({
    ...usageQueries.bySubscriptions(arm, ids),
    enabled: subscriptions.isSuccess && ids.length > 0,
  });

  let body: React.ReactNode;
  if (subscriptions.isError)
    body = <ErrorPanel error={subscriptions.error} title="Subscriptions could not be listed" />;
  else if (scan.isError) body = <ErrorPanel error={scan.error} title="Image versions could not be checked" />;
  else if (subscriptions.isPending || (ids.length > 0 && (scan.isPending || usage.isPending)))
    body = <Spinner label="Checking galleries…" />;
  else {
    const nameOf = (id: string) =>
      subscriptions.data?.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase())?.displayName;
    const items = needsAttention({
      now: new Date(),
      versions: scan.data?.versions ?? [],
      softDeleted: scan.data?.softDeleted ?? [],
      ...(scan.data?.versionUsage ? { versionUsage: scan.data.versionUsage } : {}),
      usage: (usage.data?.all() ?? []).map((u) => ({ ...u, subscriptionName: nameOf(u.subscriptionId) })),
    });
    body =
      items.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="attention-empty">
          Nothing needs attention: every version you can read has replicated, none is flagged, and no subscription is
          near a limit.
        </p>
      ) : (
        <ul aria-label="Items needing attention">
          {items.map((item) => (
            <ItemRow
              key={`${item.kind}|${item.resourceId}|${item.where}|${item.regions?.join(",") ?? ""}`}
              item={item}
            />
          ))}
        </ul>
      );
  }

  return (
    <Section
      title="Needs attention"
      description="Across every gallery you can read: failed or slow replication, latest past end of life, versions in use past end of life (counting the VMs and scale sets in subscriptions you can read), flagged or failed-validation versions, soft-deleted versions about to be purged, limits above 80%."
    >
      <Card>
        {body}
        {scan.data?.versionUsageError !== undefined && (
          <p className="mt-2 text-sm text-slate-600">
            What uses each version could not be read, so versions in use past end of life are not checked.
          </p>
        )}
        {usage.isError && (
          <p className="mt-2 text-sm text-slate-600">
            Usage against the limits could not be counted, so limits are not checked.
          </p>
        )}
      </Card>
    </Section>
  );
}
