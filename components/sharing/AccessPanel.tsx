"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import { AssignmentError } from "@/components/sharing/AssignmentError";
import { ConfirmDialog } from "@/components/sharing/ConfirmDialog";
import { accessHref, sameScope, scopeLabel, shareHref } from "@/components/sharing/scopeLabels";
import { useSharingClients } from "@/components/sharing/useSharingClients";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { levelOfScope } from "@/lib/access/accessNote";
import { AzureError } from "@/lib/azure/errors";
import { parseResourceId } from "@/lib/azure/resourceId";
import { graphQueries } from "@/lib/queries/graph";
import { useSubscriptionNames } from "@/components/galleries/useSubscriptionName";
import { sharingQueries, useRemoveAssignment, type ScopeAssignment } from "@/lib/queries/sharing";
import { PRINCIPAL_TYPE_LABELS, type DirectoryPrincipal } from "@/lib/sharing/principals";
import { SafeText } from "@/components/ui/SafeText";

/**
 * Who has access to a gallery or image definition: every role assignment that applies (at it, or inherited from
 * the resource group and subscription), by name, with removal for those assigned here.
 */
export function AccessPanel({ scopeId }: { scopeId: string }) {
  const arm = useArm();
  const clients = useSharingClients();
  const capabilities = useCapabilities(scopeId);
  const assignments = useQuery(sharingQueries.assignments(arm, scopeId));
  const roles = useQuery(sharingQueries.roles(arm, scopeId));
  const subscriptionName = useSubscriptionNames();
  const principalIds = [...new Set((assignments.data ?? []).map((a) => a.principalId.toLowerCase()))];
  const principals = useQuery(graphQueries.byIds(clients.graph, principalIds));
  const [removing, setRemoving] = useState<ScopeAssignment>();
  const remove = useRemoveAssignment(() => clients.authorization(parseResourceId(scopeId)?.subscriptionId ?? ""), {
    onSuccess: () => setRemoving(undefined),
  });

  const byId = new Map((principals.data ?? []).map((p) => [p.id.toLowerCase(), p]));
  const roleName = (roleDefinitionId: string) =>
    roles.data?.find((r) => r.name.toLowerCase() === (roleDefinitionId.split("/").pop() ?? "").toLowerCase())
      ?.roleName ??
    roleDefinitionId.split("/").pop() ??
    "";
  const nameOf = (a: ScopeAssignment) => byId.get(a.principalId.toLowerCase())?.displayName ?? a.principalId;
  const canAssign = capabilities.data?.assignRoles ?? false;
  const rows = [...(assignments.data ?? [])].sort(
    (a, b) =>
      Number(!sameScope(a.scope, scopeId)) - Number(!sameScope(b.scope, scopeId)) || nameOf(a).localeCompare(nameOf(b)),
  );

  return (
    <Section
      title="Access"
      description={`Role assignments that apply to this ${levelOfScope(scopeId)}: assigned here, or inherited from the scopes above it.`}
      actions={
        canAssign ? (
          <Link
            href={shareHref(scopeId)}
            className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Grant access
          </Link>
        ) : undefined
      }
    >
      {assignments.isPending && <Spinner label="Loading role assignments…" />}
      {assignments.isError &&
        (assignments.error instanceof AzureError && assignments.error.status === 403 ? (
          <p role="note" className="rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
            Your roles do not let you list who has access here (it needs Microsoft.Authorization/roleAssignments/read,
            which Reader has and the Compute Gallery roles do not).
          </p>
        ) : (
          <ErrorPanel error={assignments.error} title="The role assignments could not be listed" />
        ))}
      {assignments.data && (
        // relative: the sr-only "Actions" header is absolutely positioned, and without a containing block here it
        // escapes the scroller and widens the page (by 41 px at 375 px).
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Role assignments that apply to {scopeLabel(scopeId)}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Principal
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Assigned at
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => {
                const here = sameScope(a.scope, scopeId);
                const principal = byId.get(a.principalId.toLowerCase());
                return (
                  <tr key={a.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                      <PrincipalName principal={principal} fallbackId={a.principalId} type={a.principalType} />
                    </th>
                    <td className="px-3 py-2">{roles.isPending ? <Spinner /> : roleName(a.roleDefinitionId)}</td>
                    <td className="px-3 py-2">
                      {here ? (
                        `This ${levelOfScope(scopeId)}`
                      ) : (
                        <>
                          Inherited from{" "}
                          <Link href={accessHref(a.scope)} className="text-brand-700 hover:underline">
                            {scopeLabel(a.scope, subscriptionName)}
                          </Link>
                        </>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right">
                      {here && canAssign && (
                        <button
                          type="button"
                          onClick={() => {
                            remove.reset();
                            setRemoving(a);
                          }}
                          className="rounded border border-red-300 px-2 py-1 text-xs font-semibold text-red-800 hover:bg-red-50"
                          aria-label={`Remove ${roleName(a.roleDefinitionId)} from ${nameOf(a)}`}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={4} className="px-3 py-4 text-center text-slate-600">
                    No role assignment applies here.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {remove.isError && removing && (
        <div className="mt-3">
          <AssignmentError
            error={remove.error}
            principalName={nameOf(removing)}
            roleName={roleName(removing.roleDefinitionId)}
            scopeId={scopeId}
          />
        </div>
      )}
      <ConfirmDialog
        open={removing !== undefined && !remove.isError}
        title="Remove access?"
        confirmLabel="Remove access"
        busy={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => removing && remove.mutate(removing.id)}
      >
        {removing && (
          <p>
            {nameOf(removing)} will lose {roleName(removing.roleDefinitionId)} on {scopeLabel(scopeId)}. Access they
            hold through other assignments stays.
          </p>
        )}
      </ConfirmDialog>
    </Section>
  );
}

export function PrincipalName({
  principal,
  fallbackId,
  type,
}: {
  principal: DirectoryPrincipal | undefined;
  fallbackId: string;
  type?: string;
}) {
  const label = principal
    ? PRINCIPAL_TYPE_LABELS[principal.type]
    : type
      ? (PRINCIPAL_TYPE_LABELS[type as keyof typeof PRINCIPAL_TYPE_LABELS] ?? type)
      : "Unknown";
  return (
    <span className="flex flex-col">
      <span className="flex flex-wrap items-center gap-1.5">
        {principal?.displayName ? (
          <SafeText value={principal.displayName} />
        ) : (
          <span className="font-mono text-xs">{fallbackId}</span>
        )}
        {principal?.guest && <Tag tone="warn">Guest</Tag>}
      </span>
      <span className="text-xs font-normal text-slate-600">
        {label}
        {principal?.detail ? ` · ${principal.detail}` : ""}
      </span>
    </span>
  );
}
