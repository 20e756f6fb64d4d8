import { connection } from "next/server";
import type { ReactNode } from "react";
import { LazyPortalProviders } from "@/components/layout/LazyPortalProviders";
import { ConfigurationError, resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";

/**
 * Resolves the configuration per request (process.env is read at run time, never inlined at build) and hands it
 * to the browser, so one production build serves any emulator port or Entra registration.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await connection();
  let config;
  try {
    config = resolveRuntimeConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return (
      <main className="mx-auto max-w-2xl p-10">
        <h1 className="text-xl font-semibold">Gallerist is not configured correctly</h1>
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          {error.message}
        </p>
        <p className="mt-3 text-sm text-slate-600">
          Fix the environment variable and restart the server (see README, “Configuration”).
        </p>
      </main>
    );
  }
  return <LazyPortalProviders config={config}>{children}</LazyPortalProviders>;
}
