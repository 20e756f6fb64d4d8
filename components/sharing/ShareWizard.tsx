"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import { AssignmentError } from "@/components/sharing/AssignmentError";
import { PrincipalPicker } from "@/components/sharing/PrincipalPicker";
import { RolePicker } from "@/components/sharing/RolePicker";
import { ScopePicker } from "@/components/sharing/ScopePicker";
import { scopeLabel } from "@/components/sharing/scopeLabels";
import { useSharingClients } from "@/components/sharing/useSharingClients";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Card, PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { pageHref } from "@/lib/azure/routeParams";
import { parseResourceId } from "@/lib/azure/resourceId";
import { applicationQueries, applicationVersionQueries } from "@/lib/queries/galleryApplications";
import { imageQueries } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete } from "@/lib/queries/versionLists";
import { sharingQueries, useAssignRole } from "@/lib/queries/sharing";
import { PRINCIPAL_TYPE_LABELS, type DirectoryPrincipal } from "@/lib/sharing/principals";
import { describeRole, type Audience } from "@/lib/sharing/roles";
import {
  grantCounts,
  grantCountsText,
  scopeOptions,
  SHARE_MATRIX,
  shareScopeKindOf,
  type ShareScopeKind,
} from "@/lib/sharing/shareMatrix";
import { SafeText } from "@/components/ui/SafeText";
import { visibleText } from "@/lib/security/safeLink";

const STEPS = ["Scope", "Who", "Role", "Review"] as const;

/**
 * Grant access in four steps: scope (with what the grantee will see), who, role (recommended first), review with
 * counts. The step is in the URL (`?scope=…&step=…`) so browser back and forward work; choices live in the
 * component, so moving between steps keeps every one of them.
 */
export function ShareWizard() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const origin = params.get("scope") ?? "";
  const step = Math.min(Math.max(Number(params.get("step") ?? "1") || 1, 1), STEPS.length);
  const options = scopeOptions(origin);
  const [scopeId, setScopeId] = useState(options[options.length - 1]?.id ?? "");
  const [principal, setPrincipal] = useState<DirectoryPrincipal>();
  const [audience, setAudience] = useState<Audience>("consumers");
  const [roleId, setRoleId] = useState<string>();

  const go = (next: number) => router.push(`${pathname}?scope=${encodeURIComponent(origin)}&step=${next}`);

  if (!origin) return <ScopePicker purpose="share" />;
  if (options.length === 0) {
    return (
      <ErrorPanel
        error={new Error(`'${origin}' is not a gallery, image definition or VM application.`)}
        title="Nothing to share"
      />
    );
  }
  const ready = [Boolean(scopeId), Boolean(principal), Boolean(roleId), true][step - 1];

  return (
    <>
      <PageHeader
        kind="Grant access"
        title={scopeLabel(origin)}
        subtitle="Share a gallery, an image definition or a VM application through Azure RBAC."
      />
      <nav aria-label="Steps" className="mb-4">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((name, i) => (
            <li
              key={name}
              aria-current={step === i + 1 ? "step" : undefined}
              className={step === i + 1 ? "font-semibold text-brand-800" : "text-slate-600"}
            >
              {i + 1}. {name}
            </li>
          ))}
        </ol>
      </nav>
      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">
          Step {step} of {STEPS.length}: {STEPS[step - 1]}
        </h2>
        {step === 1 && <ScopeStep options={options} value={scopeId} onChange={setScopeId} />}
        {step === 2 && <PrincipalPicker value={principal} onChange={setPrincipal} />}
        {step === 3 && (
          <RoleStep
            scopeId={scopeId}
            audience={audience}
            onAudience={setAudience}
            value={roleId}
            onChange={setRoleId}
          />
        )}
        {step === 4 && principal && roleId && <ReviewStep scopeId={scopeId} principal={principal} roleId={roleId} />}
        {step === 4 && (!principal || !roleId) && <p className="text-sm">Go back and choose who and which role.</p>}
        <div className="mt-5 flex gap-2">
          {step > 1 && (
            <button
              type="button"
              onClick={() => go(step - 1)}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium"
            >
              Back
            </button>
          )}
          {step < STEPS.length && (
            <button
              type="button"
              disabled={!ready}
              onClick={() => go(step + 1)}
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
            >
              Next
            </button>
          )}
          <Link href={pageHref(origin)} className="ml-auto self-center text-sm text-brand-700 hover:underline">
            Back to {scopeLabel(origin)}
          </Link>
        </div>
      </Card>
    </>
  );
}

function ScopeStep({
  options,
  value,
  onChange,
}: {
  options: { id: string; kind: ShareScopeKind }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">What to share</legend>
      <ul className="mt-2 space-y-2">
        {options.map((o) => {
          const m = SHARE_MATRIX[o.kind];
          return (
            <li key={o.id}>
              <label className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50">
                <input
                  type="radio"
                  name="scope"
                  className="mt-1"
                  checked={value === o.id}
                  onChange={() => onChange(o.id)}
                  aria-label={`${m.label}: ${scopeLabel(o.id)}`}
                />
                <span className="text-sm">
                  <span className="font-medium">{m.label}</span> — {scopeLabel(o.id)}
                  {m.recommended && (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">
                      Recommended
                    </span>
                  )}
                  <span className="block text-slate-700">The grantee will see {m.sees.join(", ")}.</span>
                  {m.doesNotSee.length > 0 && (
                    <span className="block text-slate-700">Not: {m.doesNotSee.join(", ")}.</span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p role="note" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        {SHARE_MATRIX.galleryImageVersion.warning}
      </p>
    </fieldset>
  );
}

function RoleStep(props: {
  scopeId: string;
  audience: Audience;
  onAudience: (a: Audience) => void;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const arm = useArm();
  const roles = useQuery(sharingQueries.roles(arm, props.scopeId));
  if (roles.isPending) return <Spinner label="Loading roles…" />;
  if (roles.isError) return <ErrorPanel error={roles.error} title="The roles could not be listed" />;
  return (
    <RolePicker
      roles={roles.data}
      scope={shareScopeKindOf(props.scopeId) === "galleryApplication" ? "applications" : "images"}
      {...props}
    />
  );
}

function useGrantCounts(scopeId: string) {
  const arm = useArm();
  const kind = shareScopeKindOf(scopeId) ?? "gallery";
  const images = useQuery({ ...imageQueries.list(arm, scopeId), enabled: kind === "gallery" });
  const applications = useQuery({ ...applicationQueries.list(arm, scopeId), enabled: kind === "gallery" });
  const imageIds =
    kind === "gallery" ? (images.data ?? []).map((i) => i.id ?? "") : kind === "galleryApplication" ? [] : [scopeId];
  const applicationIds =
    kind === "gallery"
      ? (applications.data ?? []).map((a) => a.id ?? "")
      : kind === "galleryApplication"
        ? [scopeId]
        : [];
  const versions = useQueries({ queries: imageIds.map((id) => versionQueries.list(arm, id)) });
  const applicationVersions = useQueries({
    queries: applicationIds.map((id) => applicationVersionQueries.list(arm, id)),
  });
  const loading =
    (kind === "gallery" && (images.isPending || applications.isPending)) ||
    versions.some((v) => !v.isError && !isListComplete(v)) ||
    applicationVersions.some((v) => !v.isError && !isListComplete(v));
  return loading
    ? undefined
    : grantCounts(
        kind,
        versions.map((v) => v.data?.length ?? 0),
        applicationVersions.map((v) => v.data?.length ?? 0),
      );
}

function ReviewStep({
  scopeId,
  principal,
  roleId,
}: {
  scopeId: string;
  principal: DirectoryPrincipal;
  roleId: string;
}) {
  const arm = useArm();
  const clients = useSharingClients();
  const roles = useQuery(sharingQueries.roles(arm, scopeId));
  const role = roles.data?.find((r) => r.id === roleId);
  const counts = useGrantCounts(scopeId);
  const capabilities = useCapabilities(scopeId);
  const assign = useAssignRole(() => clients.authorization(parseResourceId(scopeId)?.subscriptionId ?? ""));
  const kind = shareScopeKindOf(scopeId) ?? "gallery";
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="font-semibold">Who</dt>
        <dd>
          <SafeText value={principal.displayName} /> ({PRINCIPAL_TYPE_LABELS[principal.type]}
          {principal.guest ? ", guest from another tenant" : ""})
        </dd>
        <dt className="font-semibold">Role</dt>
        <dd>
          <SafeText value={role?.roleName ?? roleId} />
          {role && <span className="block text-xs text-slate-700">{describeRole(role.permissions).join("; ")}</span>}
        </dd>
        <dt className="font-semibold">Scope</dt>
        <dd>
          {SHARE_MATRIX[kind].label}: {scopeLabel(scopeId)}
        </dd>
        <dt className="font-semibold">They gain</dt>
        <dd data-testid="grant-counts">{counts ? grantCountsText(counts) : <Spinner />}</dd>
      </dl>
      {capabilities.data && !capabilities.data.assignRoles && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
          Your roles do not include Microsoft.Authorization/roleAssignments/write here; Azure will refuse the
          assignment.
        </p>
      )}
      {assign.isSuccess ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          <SafeText value={principal.displayName} /> now has <SafeText value={role?.roleName} /> on{" "}
          {scopeLabel(scopeId)}.{" "}
          <Link href={pageHref(scopeId)} className="font-semibold underline">
            Open it
          </Link>
        </p>
      ) : (
        <button
          type="button"
          onClick={() =>
            assign.mutate({
              scopeId,
              roleDefinitionId: roleId,
              principalId: principal.id,
              principalType: principal.type,
            })
          }
          disabled={assign.isPending}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {assign.isPending ? "Assigning…" : "Assign role"}
        </button>
      )}
      {assign.isError && (
        <AssignmentError
          error={assign.error}
          principalName={visibleText(principal.displayName)}
          roleName={visibleText(role?.roleName ?? "this role")}
          scopeId={scopeId}
        />
      )}
    </div>
  );
}
