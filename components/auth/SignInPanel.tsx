"use client";

import { useMsal } from "@azure/msal-react";
import { useState } from "react";
import { useRuntimeConfig } from "@/components/layout/ArmContext";
import { ARM_SCOPE } from "@/lib/azure/wellKnown";

export function SignInPanel() {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  const [failure, setFailure] = useState<string>();

  const signIn = () => {
    setFailure(undefined);
    // Consent to ARM up front so the first page needs no second round trip to the identity provider.
    instance
      .loginRedirect({ scopes: [ARM_SCOPE], prompt: "select_account" })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-100 to-slate-50 p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Gallerist</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to your galleries</h1>
        <p className="mt-3 text-sm text-slate-600">
          Browse Azure Compute Gallery images, versions and their replication across every subscription you can read.
        </p>
        {config.mode === "emulator" && (
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            Emulator mode: you sign in with a demo account of the local emulator at{" "}
            <code className="font-mono">{config.emulatorUrl}</code>.
          </p>
        )}
        <button
          type="button"
          onClick={signIn}
          className="mt-6 w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Sign in
        </button>
        {failure && (
          <p role="alert" className="mt-4 text-sm text-red-800">
            {failure}
          </p>
        )}
      </div>
    </main>
  );
}
