"use client";

import type { ReactNode } from "react";
import { NoAccess } from "@/components/access/NoAccess";
import { useCapabilities } from "@/components/access/useCapabilities";
import { Spinner } from "@/components/ui/Spinner";
import type { Capability } from "@/lib/access/permissions";
import { resourceTypeOfScope } from "@/lib/access/permissions";

const ACTION_OF: Record<Capability, (type: string) => string> = {
  read: (type) => `${type}/read`,
  write: (type) => `${type}/write`,
  delete: (type) => `${type}/delete`,
  share: () => "Microsoft.Compute/galleries/share/action",
  assignRoles: () => "Microsoft.Authorization/roleAssignments/write",
};

/**
 * For whole pages that mutate (create, edit, share): the page when the user holds the capability at the scope,
 * the no-access state when not, so such a URL cannot be reached by typing it.
 */
export function CapabilityGate({
  scopeId,
  capability,
  children,
}: {
  scopeId: string;
  capability: Capability;
  children: ReactNode;
}) {
  const { data, isLoading } = useCapabilities(scopeId);
  if (isLoading || !data) return <Spinner label="Checking your access…" />;
  if (!data[capability]) return <NoAccess scopeId={scopeId} action={ACTION_OF[capability](resourceTypeOfScope(scopeId))} />;
  return <>{children}</>;
}
