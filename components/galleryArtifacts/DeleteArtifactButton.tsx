"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/publish/buttonClass";
import { OperationStatus } from "@/components/publish/OperationStatus";
import { useOperation } from "@/components/publish/useOperation";
import { Dialog } from "@/components/ui/Dialog";
import type { Operation } from "@/lib/queries/lro";

/**
 * Delete a script, profile or one of their versions after confirmation; on success go to `afterHref`. `blocker` says
 * why the service would refuse (a script or profile that still has versions), in the service's order: versions first.
 */
export function DeleteArtifactButton({
  kind,
  name,
  resourceId,
  start,
  afterHref,
  consequence,
  blocker,
}: {
  kind: string;
  name: string;
  resourceId: string;
  start: () => Operation<void>;
  afterHref: string;
  consequence: string;
  blocker?: string | undefined;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const operation = useOperation();
  const busy = operation.state.phase === "running" || operation.state.phase === "submitting";
  async function confirm() {
    const outcome = await operation.run(`Deleting ${kind} ${name}`, start, { resourceId });
    if (outcome.ok) router.push(afterHref);
  }
  return (
    <>
      <button type="button" className={buttonClass.secondary} onClick={() => setOpen(true)}>
        Delete {kind}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${kind} ${name}?`}>
        {blocker ? <p className="font-semibold text-amber-900">{blocker}</p> : <p>{consequence}</p>}
        <div className="mt-4">
          <OperationStatus state={operation.state} showRefusal />
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass.secondary} onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={buttonClass.danger}
            disabled={busy || blocker !== undefined}
            onClick={confirm}
          >
            Delete {kind}
          </button>
        </div>
      </Dialog>
    </>
  );
}
