"use client";

import type { ReactNode } from "react";
import { ConfirmActions } from "@/components/publish/DeleteConfirm";
import { Dialog } from "@/components/ui/Dialog";

/** A modal confirmation for destructive sharing changes; Escape cancels. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} width="narrow">
      <div className="text-slate-700">{children}</div>
      <ConfirmActions
        onCancel={onCancel}
        onConfirm={onConfirm}
        confirmDisabled={busy}
        confirmLabel={busy ? "Working…" : confirmLabel}
      />
    </Dialog>
  );
}
