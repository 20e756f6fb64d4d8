"use client";

import { IntentLink } from "@/components/ui/IntentLink";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/AccountMenu";
import { useRuntimeConfig } from "@/components/layout/ArmContext";

export function AppShell({ children }: { children: ReactNode }) {
  const config = useRuntimeConfig();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="theme-fixed border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
          <IntentLink href="/" className="text-base font-semibold tracking-tight">
            Gallerist
          </IntentLink>
          <span className="hidden text-sm text-slate-300 sm:inline">Azure Compute Gallery</span>
          <nav aria-label="Portal">
            <IntentLink href="/images" className="text-sm text-slate-100 hover:underline">
              What I can use
            </IntentLink>
            <IntentLink href="/inventory" className="ml-4 text-sm text-slate-100 hover:underline">
              Inventory
            </IntentLink>
            <IntentLink href="/recycle-bin" className="ml-4 text-sm text-slate-100 hover:underline">
              Recycle bin
            </IntentLink>
            <IntentLink href="/retention" className="ml-4 text-sm text-slate-100 hover:underline">
              Retention
            </IntentLink>
          </nav>
          {config.mode === "emulator" && (
            <span className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-amber-950">Emulator</span>
          )}
          <div className="ml-auto">
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
