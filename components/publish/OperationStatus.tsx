"use client";

import { useEffect, useState } from "react";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import type { OperationState } from "@/components/publish/useOperation";

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

/**
 * Where a long-running operation stands, announced politely as it changes. A refusal of the input is shown
 * by the form on its fields, so only accepted-then-failed operations get the error panel here.
 */
export function OperationStatus({ state, showRefusal = false }: { state: OperationState; showRefusal?: boolean }) {
  return (
    <div aria-live="polite" role="status" className="min-h-6 text-sm">
      {state.phase === "submitting" && <Spinner label={`${state.label}: sending the request…`} />}
      {state.phase === "running" && (
        <span className="inline-flex items-center gap-2">
          <Spinner />
          <span>
            {state.label}: accepted by Azure, operation {state.status} (<Elapsed since={state.startedAt} />)
          </span>
        </span>
      )}
      {state.phase === "succeeded" && <p className="font-medium text-emerald-800">{state.label}: Succeeded.</p>}
      {state.phase === "failed" && (state.accepted || showRefusal) && (
        <ErrorPanel
          error={state.error}
          title={`${state.label}: ${state.accepted ? "the operation failed" : "the request was refused"}`}
        />
      )}
    </div>
  );
}
