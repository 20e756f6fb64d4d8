"use client";

import { PageStatus } from "@/components/ui/PageStatus";

/**
 * The backstop under the portal's frame: a page that threw while rendering shows what happened and a way to try
 * again, never a blank page. Failed Azure calls are shown inline by the pages themselves; this is for the rest.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageStatus
      kind="error"
      title="This page could not be shown"
      detail={error.message || "An unexpected error occurred."}
    >
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </PageStatus>
  );
}
