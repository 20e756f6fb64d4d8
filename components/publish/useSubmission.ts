"use client";

import { useState } from "react";
import { useOperation } from "@/components/publish/useOperation";
import type { AzureError } from "@/lib/azure/errors";
import type { Operation } from "@/lib/queries/lro";

/**
 * Runs a form's write as an operation. On success `done` runs (open the resource's page); a refusal of the input goes
 * on the field it names (`place`, false when it names none) or else into `refusal`, which the FormFooter shows; a
 * failure after ARM accepted the request is the operation status's to show.
 */
export function useSubmission(place: (error: AzureError) => boolean = () => false) {
  const operation = useOperation();
  const [refusal, setRefusal] = useState<AzureError>();
  async function submit<T>(
    label: string,
    start: () => Operation<T>,
    done: () => void,
    options?: { untilAccepted?: boolean; resourceId?: string },
  ) {
    setRefusal(undefined);
    const outcome = await operation.run(label, start, options);
    if (outcome.ok) done();
    else if (!outcome.accepted && !place(outcome.error)) setRefusal(outcome.error);
  }
  return { operation, refusal, setRefusal, submit };
}
