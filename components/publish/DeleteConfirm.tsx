"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { buttonClass } from "@/components/publish/buttonClass";
import { OperationStatus } from "@/components/publish/OperationStatus";
import { useOperation, type OperationState } from "@/components/publish/useOperation";
import { Dialog } from "@/components/ui/Dialog";
import type { Operation } from "@/lib/queries/lro";

export function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className={buttonClass.secondary} onClick={onClick}>
      {label}
    </button>
  );
}

/** The buttons that end every confirmation dialog: Cancel, then the destructive action. */
export function ConfirmActions(props: {
  onCancel: () => void;
  cancelDisabled?: boolean | undefined;
  onConfirm: () => void;
  confirmDisabled: boolean;
  confirmLabel: string;
}) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <button type="button" className={buttonClass.secondary} disabled={props.cancelDisabled} onClick={props.onCancel}>
        Cancel
      </button>
      <button type="button" className={buttonClass.danger} disabled={props.confirmDisabled} onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
    </div>
  );
}

/** The foot of every delete dialog: the operation's progress or refusal, then Cancel and the destructive action. */
export function DeleteFooter({ state, ...actions }: { state: OperationState } & Parameters<typeof ConfirmActions>[0]) {
  return (
    <>
      <div className="mt-4">
        <OperationStatus state={state} showRefusal />
      </div>
      <ConfirmActions {...actions} />
    </>
  );
}

/**
 * Delete one resource after confirmation ("Delete gallery", "Delete image version", …) and go to `afterHref` once it
 * is gone. `children` says what deleting it means; `blocked` keeps the action off while the service would refuse it
 * (or while the dialog still finds out); `onOpen` runs as the dialog opens (to start reading what it shows).
 */
export function DeleteResourceButton({
  noun,
  name,
  resourceId,
  start,
  afterHref,
  blocked = false,
  onOpen,
  children,
}: {
  noun: string;
  name: string;
  resourceId: string;
  start: () => Operation<void>;
  afterHref: string;
  blocked?: boolean;
  onOpen?: () => void;
  children: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const operation = useOperation();
  async function confirm() {
    const outcome = await operation.run(`Deleting ${noun} ${name}`, start, { resourceId });
    if (outcome.ok) router.push(afterHref);
  }
  return (
    <>
      <DeleteButton
        label={`Delete ${noun}`}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${noun} ${name}?`}>
        {children}
        <DeleteFooter
          state={operation.state}
          onCancel={() => setOpen(false)}
          confirmDisabled={operation.busy || blocked}
          onConfirm={confirm}
          confirmLabel={`Delete ${noun}`}
        />
      </Dialog>
    </>
  );
}
