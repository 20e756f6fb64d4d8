"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { IntentLink } from "@/components/ui/IntentLink";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { UsageReach } from "@/components/lifecycle/UsageReach";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { CheckboxField, NumberField } from "@/components/publish/fields";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { Card, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { galleryPathOf, pageHref } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import type {
  RetentionAction,
  RetentionDecision,
  RetentionOutcome,
  RetentionPlan,
  RetentionPolicy,
} from "@/lib/lifecycle/retention";
import {
  DEFAULT_RETENTION_POLICY,
  retentionPolicySchema,
  type RetentionPolicyValues,
} from "@/lib/lifecycle/retentionForm";
import { parseRetentionScope } from "@/lib/lifecycle/retentionArm";
import { applyRetentionPlan, type RetentionDryRun, retentionQueries } from "@/lib/queries/retention";

const gib = (n: number) => `${n.toLocaleString("en")} GiB`;

const column = createColumnHelper<RetentionDecision>();

function decisionColumns(action: "delete" | "keep") {
  return [
    column.accessor((d) => d.version.name, {
      id: "version",
      header: "Version",
      meta: { rowHeader: true },
      cell: (info) => (
        <IntentLink href={pageHref(info.row.original.version.id)} className="font-mono text-brand-700 hover:underline">
          {info.getValue()}
        </IntentLink>
      ),
    }),
    column.accessor((d) => `${galleryPathOf(d.version.id)?.galleryName}/${d.version.definitionId.split("/").pop()}`, {
      id: "definition",
      header: "Definition",
      cell: (info) => {
        const [gallery, definition] = info.getValue().split("/");
        return (
          <>
            <span className="block text-xs text-slate-600">{gallery}</span>
            {definition}
          </>
        );
      },
    }),
    column.accessor((d) => (action === "delete" ? d.deleteReasons : d.keepReasons).map((r) => r.text).join("; "), {
      id: "why",
      header: action === "delete" ? "Why it goes" : "Why it stays",
    }),
    column.accessor(
      (d) => d.version.regions.map((r) => `${regionDisplayName(r.name)} × ${r.regionalReplicaCount}`).join(", "),
      {
        id: "replicas",
        header: "Regions × replicas",
      },
    ),
    column.accessor("storageGB", { header: "Storage", meta: { numeric: true }, cell: (info) => gib(info.getValue()) }),
  ];
}

const DELETE_COLUMNS = decisionColumns("delete");
const KEEP_COLUMNS = decisionColumns("keep");

function PolicyForm({ onSubmit, busy }: { onSubmit: (policy: RetentionPolicy) => void; busy: boolean }) {
  const form = useForm<RetentionPolicyValues, unknown, RetentionPolicy>({
    resolver: zodResolver(retentionPolicySchema),
    mode: "onChange",
    defaultValues: DEFAULT_RETENTION_POLICY,
  });
  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(onSubmit)}
        noValidate
        aria-label="Retention policy"
        className="grid gap-4 sm:grid-cols-3"
      >
        <NumberField
          name="keepNewest"
          label="Keep the newest"
          hint="Versions per definition, whatever else applies."
          min={0}
        />
        <NumberField
          name="olderThanDays"
          label="Delete versions older than (days)"
          hint="Empty: no age rule."
          min={0}
        />
        <NumberField
          name="endOfLifeAfterDays"
          label="Delete versions past end of life for (days)"
          hint="Empty: no end-of-life rule."
          min={0}
        />
        <div className="sm:col-span-3">
          <CheckboxField
            name="keepExcludedFromLatest"
            label="Keep versions excluded from latest"
            hint="Latest in any region, in use, or protected by blockDeletionBeforeEndOfLife: always kept."
          />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className={buttonClass.primary} disabled={busy}>
            Dry run
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

const STATUS_TEXT: Record<RetentionOutcome["status"], string> = {
  deleted: "deleted",
  endOfLifeSet: "end of life set",
  failed: "failed",
};

function Progress({ outcomes, total, running }: { outcomes: RetentionOutcome[]; total: number; running: boolean }) {
  const failed = outcomes.filter((o) => o.status === "failed").length;
  return (
    <Section title="Progress" description={`${outcomes.length} of ${total} done${failed ? `, ${failed} failed` : ""}`}>
      <Card>
        <ProgressBar
          value={total ? (outcomes.length / total) * 100 : 100}
          label="Retention progress"
          valueText={`${outcomes.length} of ${total}`}
          tone={running ? "progress" : failed ? "failure" : "success"}
        />
        <ul className="mt-3 space-y-1 text-sm" aria-label="Retention outcomes">
          {outcomes.map((o) => (
            <li key={o.id}>
              <span className="font-mono">
                {o.id.split("/").slice(-3, -2)[0]} {o.name}
              </span>
              :{" "}
              {o.status === "failed" ? (
                <span className="text-red-800">failed — {o.error}</span>
              ) : (
                <span className="text-emerald-800">{STATUS_TEXT[o.status]}</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </Section>
  );
}

interface Applied {
  total: number;
  outcomes: RetentionOutcome[];
  running: boolean;
}

/** Scope `all`: how many galleries the plan covers, and which the user can read but not write. */
function GalleriesCovered({
  galleryIds,
  readOnlyGalleryIds,
}: Pick<RetentionDryRun, "galleryIds" | "readOnlyGalleryIds">) {
  const name = (id: string) => id.split("/").pop();
  return (
    <div className="mb-3 text-sm text-slate-700" data-testid="retention-galleries">
      <p>
        Over {galleryIds.length} {galleryIds.length === 1 ? "gallery" : "galleries"} you can write
        {galleryIds.length > 0 ? `: ${galleryIds.map(name).join(", ")}` : ""}.
      </p>
      {readOnlyGalleryIds.length > 0 && (
        <p>
          Left out, as you can read but not write {readOnlyGalleryIds.length === 1 ? "it" : "them"}:{" "}
          {readOnlyGalleryIds.map(name).join(", ")}.
        </p>
      )}
    </div>
  );
}

function PlanView({
  dryRun: { plan, subscriptionCount, galleryIds, readOnlyGalleryIds },
  scope,
  applied,
  onApply,
}: {
  dryRun: RetentionDryRun;
  scope: string;
  applied: Applied | undefined;
  onApply: (action: RetentionAction) => void;
}) {
  const { freed } = plan;
  return (
    <>
      <Section
        title="Dry run"
        description={
          <span data-testid="retention-summary">
            {freed.versions} {freed.versions === 1 ? "version" : "versions"} to delete, freeing {freed.replicas}{" "}
            replicas and {gib(freed.storageGB)} (regions × replicas × size); {plan.toKeep.length} kept.
          </span>
        }
      >
        <Card>
          {parseRetentionScope(scope)?.kind === "all" && (
            <GalleriesCovered galleryIds={galleryIds} readOnlyGalleryIds={readOnlyGalleryIds} />
          )}
          <DataTable
            data={plan.toDelete}
            columns={DELETE_COLUMNS}
            caption="Versions to delete"
            filterLabel="Filter versions to delete"
            getRowId={(d) => d.version.id}
            empty="Nothing to delete: no version is selected by a rule and free of every protection."
          />
          {plan.toDelete.length > 0 && !applied && (
            <div className="mt-4 flex flex-wrap gap-2">
              <button type="button" className={buttonClass.danger} onClick={() => onApply("delete")}>
                Delete {plan.toDelete.length} {plan.toDelete.length === 1 ? "version" : "versions"}
              </button>
              <button type="button" className={buttonClass.secondary} onClick={() => onApply("setEndOfLife")}>
                Set end of life instead
              </button>
            </div>
          )}
          <UsageReach subscriptionCount={subscriptionCount} />
        </Card>
      </Section>
      {applied && <Progress outcomes={applied.outcomes} total={applied.total} running={applied.running} />}
      <Section
        title="Kept"
        description={`${plan.toKeep.length} versions stay${parseRetentionScope(scope)?.kind === "all" ? "" : ` in ${scope.split("/").pop()}`}`}
      >
        <Card>
          <DataTable
            data={plan.toKeep}
            columns={KEEP_COLUMNS}
            caption="Versions kept"
            filterLabel="Filter versions kept"
            getRowId={(d) => d.version.id}
            empty="No version is kept."
          />
        </Card>
      </Section>
    </>
  );
}

/** Retention over a definition, gallery, subscription or every gallery the user can write: policy, dry run, apply. */
export function RetentionPanel({ scope }: { scope: string }) {
  const arm = useArm();
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState<RetentionPolicy>();
  const [applied, setApplied] = useState<Applied>();
  const dryRun = useQuery(retentionQueries.plan(arm, scope, policy));
  const apply = async (plan: RetentionPlan, action: RetentionAction) => {
    const total = plan.toDelete.length;
    setApplied({ total, outcomes: [], running: true });
    const outcomes = await applyRetentionPlan(arm, queryClient, plan, {
      action,
      onProgress: (outcome) => setApplied((a) => (a ? { ...a, outcomes: [...a.outcomes, outcome] } : a)),
    });
    setApplied({ total, outcomes, running: false });
  };
  return (
    <>
      <Section
        title="Policy"
        description="Never deleted: latest in any region, in use by a VM or scale set, or protected."
      >
        <Card>
          <PolicyForm
            busy={dryRun.isFetching || applied?.running === true}
            onSubmit={(next) => {
              setApplied(undefined);
              if (JSON.stringify(next) === JSON.stringify(policy)) void dryRun.refetch();
              else setPolicy(next);
            }}
          />
        </Card>
      </Section>
      {dryRun.isError && <ErrorPanel error={dryRun.error} title="The dry run could not read the scope" />}
      {dryRun.isFetching && <Spinner label="Reading versions and what uses them" />}
      {dryRun.data && !dryRun.isFetching && (
        <PlanView
          dryRun={dryRun.data}
          scope={scope}
          applied={applied}
          onApply={(action) => void apply(dryRun.data.plan, action)}
        />
      )}
      {!policy && (
        <p className="mt-4 text-sm text-slate-600">
          <Tag>Dry run first</Tag> Nothing is deleted until you have seen the plan and chosen to apply it.
        </p>
      )}
    </>
  );
}
