"use client";

import type { ReactNode } from "react";
import { NoAccess } from "@/components/access/NoAccess";
import { useCapabilities } from "@/components/access/useCapabilities";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { type Capability, resourceTypeOfScope } from "@/lib/access/permissions";

const ACTION_OF: Record<Capability, (type: string) => string> = {
  read: (type) => `${type}/read`,
  write: (type) => `${type}/write`,
  delete: (type) => `${type}/delete`,
  share: () => "Microsoft.Compute/galleries/share/action",
  assignRoles: () => "Microsoft.Authorization/roleAssignments/write",
};

/**
 * For whole pages that mutate (create, edit, share): the page when the user may act at the scope, the no-access
 * state when not, so such a URL cannot be reached by typing it; a failed permissions read is an error to retry, not a "no". Name a capability of the scope's own resource,
 * or an action, e.g. `Microsoft.Compute/galleries/images/write` at a gallery to create a definition in it.
 */
export function CapabilityGate({
  scopeId,
  children,
  ...need
}: { scopeId: string; children: ReactNode } & ({ capability: Capability } | { action: string })) {
  const { data, isLoading, error, retry, retrying } = useCapabilities(scopeId);
  if (error)
    return <ErrorPanel error={error} title="Your access could not be checked" onRetry={retry} retrying={retrying} />;
  if (isLoading || !data) return <Spinner label="Checking your access…" />;
  const action = "action" in need ? need.action : ACTION_OF[need.capability](resourceTypeOfScope(scopeId));
  if (!data.allows(action)) return <NoAccess scopeId={scopeId} action={action} page />;
  return <>{children}</>;
}
