"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog>: focus moves in and is trapped, Escape asks to close (the caller decides,
 * e.g. not while an operation runs), focus returns afterwards.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  width = "wide",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  width?: "narrow" | "wide";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-full ${width === "wide" ? "max-w-xl" : "max-w-md"} rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50`}
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-3 text-sm text-slate-800">{children}</div>
      </div>
    </dialog>
  );
}
