"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import type { Operation } from "@/lib/queries/lro";
import { invalidateAfterPublish } from "@/lib/queries/publish";

export type OperationState =
  | { phase: "idle" }
  | { phase: "submitting"; label: string }
  | { phase: "running"; label: string; status: string; startedAt: number }
  | { phase: "succeeded"; label: string }
  /** `accepted`: ARM took the request and the operation failed later (not a refusal of the input). */
  | { phase: "failed"; label: string; error: AzureError; accepted: boolean };

/** Whether an operation is on its way: sent and not yet answered, or accepted and still running. */
export const isBusy = (state: OperationState) => state.phase === "submitting" || state.phase === "running";

export type OperationOutcome<T> =
  { ok: true; result: T | undefined } | { ok: false; error: AzureError; accepted: boolean };

/**
 * Runs ARM long-running operations one after another and reports each one's phase: submitted, running (with
 * the operation's status as ARM polls it), then Succeeded or Failed. After each, the affected lists refresh.
 * `untilAccepted` stops at ARM's acceptance (for a version whose replication the version page follows).
 */
export function useOperation() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<OperationState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(
    async <T>(
      label: string,
      start: () => Operation<T>,
      options: { untilAccepted?: boolean; resourceId?: string } = {},
    ): Promise<OperationOutcome<T>> => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ phase: "submitting", label });
      let accepted = false;
      try {
        const poller = start();
        await poller.submitted();
        accepted = true;
        const startedAt = Date.now();
        setState({ phase: "running", label, status: poller.operationState?.status ?? "running", startedAt });
        if (options.untilAccepted) {
          await invalidateAfterPublish(queryClient);
          setState({ phase: "succeeded", label });
          return { ok: true, result: poller.result };
        }
        poller.onProgress((progress) => setState({ phase: "running", label, status: progress.status, startedAt }));
        const result = await poller.pollUntilDone({ abortSignal: controller.signal });
        await invalidateAfterPublish(queryClient);
        setState({ phase: "succeeded", label });
        return { ok: true, result };
      } catch (caught) {
        const error = caught instanceof AzureError ? caught : toAzureError(caught, options.resourceId);
        if (accepted) await invalidateAfterPublish(queryClient);
        setState({ phase: "failed", label, error, accepted });
        return { ok: false, error, accepted };
      }
    },
    [queryClient],
  );

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, run, reset, busy: isBusy(state) };
}
