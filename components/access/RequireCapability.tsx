"use client";

import type { ReactNode } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import type { Capability } from "@/lib/access/permissions";

/**
 * Renders its children only when the signed-in user holds the capability at the scope; nothing (or `fallback`)
 * while permissions load or when they are missing, so a mutating control never flashes up for a reader.
 */
export function RequireCapability({
  scopeId,
  capability,
  fallback = null,
  children,
}: {
  scopeId: string;
  capability: Capability;
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const { data } = useCapabilities(scopeId);
  return <>{data?.[capability] ? children : fallback}</>;
}
