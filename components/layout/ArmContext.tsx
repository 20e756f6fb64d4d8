"use client";

import { createContext, useContext } from "react";
import type { ArmClients } from "@/lib/azure/clients";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";

export const ArmContext = createContext<ArmClients | null>(null);
export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The ARM clients of the signed-in user; only available under the portal providers. */
export function useArm(): ArmClients {
  const arm = useContext(ArmContext);
  if (!arm) throw new Error("useArm() must be used inside <PortalProviders>.");
  return arm;
}

export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error("useRuntimeConfig() must be used inside <PortalProviders>.");
  return config;
}
