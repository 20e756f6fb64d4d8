"use client";

import Link from "next/link";
import { buttonClass } from "@/components/publish/buttonClass";
import { OperationStatus } from "@/components/publish/OperationStatus";
import { isBusy, type OperationState } from "@/components/publish/useOperation";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import type { AzureError } from "@/lib/azure/errors";

/**
 * The end of every create and edit form: the service's refusal that no field could take, the operation's progress,
 * then the submit button (off while the operation runs, or while the form is `notReady`) and Cancel (a link back,
 * or a callback for a form inside a page).
 */
export function FormFooter({
  refusal,
  refusalTitle,
  state,
  submitLabel,
  notReady = false,
  cancel,
}: {
  refusal: AzureError | undefined;
  refusalTitle: string;
  state: OperationState;
  submitLabel: string;
  notReady?: boolean;
  cancel: string | (() => void);
}) {
  return (
    <>
      {refusal && <ErrorPanel error={refusal} title={refusalTitle} />}
      <OperationStatus state={state} />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={isBusy(state) || notReady}>
          {submitLabel}
        </button>
        {typeof cancel === "string" ? (
          <Link href={cancel} className={buttonClass.link}>
            Cancel
          </Link>
        ) : (
          <button type="button" className={buttonClass.link} onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
