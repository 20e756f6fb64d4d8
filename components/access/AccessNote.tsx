"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallerObjectId } from "@/components/access/useCallerObjectId";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import {
  describeCapabilities,
  describeGrant,
  grantsFromAssignments,
  grantsFromPermissions,
  levelOfScope,
} from "@/lib/access/accessNote";
import { accessQueries } from "@/lib/queries/access";

/** "Your access: Reader via gallery assignment (through a group) · read-only", for the page's resource. */
export function AccessNote({ scopeId }: { scopeId: string }) {
  const arm = useArm();
  const callerId = useCallerObjectId();
  const capabilities = useCapabilities(scopeId);
  const permissions = useQuery(accessQueries.permissions(arm, scopeId));
  const assignments = useQuery({
    ...accessQueries.assignmentsOf(arm, scopeId, callerId ?? ""),
    enabled: Boolean(callerId),
  });
  const definitions = useQuery(accessQueries.roleDefinitions(arm));

  if (!capabilities.data || permissions.isPending || (assignments.isPending && callerId) || definitions.isPending) {
    return null;
  }
  const roles = definitions.data ?? [];
  const grants =
    assignments.data && assignments.data.length > 0
      ? grantsFromAssignments(assignments.data, roles, callerId ?? "")
      : grantsFromPermissions(permissions.data ?? [], roles);
  const how = grants.length > 0 ? grants.map(describeGrant).join("; ") : "no role assignment";
  const readOnly = !capabilities.data.write && !capabilities.data.delete;

  return (
    <div
      role="note"
      aria-label="Your access"
      data-testid="access-note"
      data-read-only={readOnly}
      className="mb-4 mt-2 flex flex-wrap items-center gap-x-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
    >
      <span className="font-semibold text-slate-900">Your access to this {levelOfScope(scopeId)}:</span>
      <span data-testid="access-note-roles">{how}</span>
      <span aria-hidden="true">·</span>
      <span data-testid="access-note-capabilities" className={readOnly ? "font-medium text-slate-900" : undefined}>
        {describeCapabilities(capabilities.data)}
      </span>
    </div>
  );
}
