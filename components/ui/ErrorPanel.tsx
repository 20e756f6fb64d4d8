import Link from "next/link";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { explainArmError, type ErrorExplanation } from "@/lib/gallery/troubleshooting";

/** Errors that never reached ARM are the dashboard's to explain; ARM's own go through the catalogue. */
function explain(error: AzureError): ErrorExplanation {
  if (error.code === "NetworkError") {
    return {
      title: "Azure Resource Manager not reachable",
      cause:
        "The request did not get an answer: the network is down, or (in emulator mode) the emulator is not running.",
      fix: "Check your connection, or start the emulator with `npm start`, then reload the page.",
    };
  }
  return explainArmError(error);
}

/**
 * An ARM error as the user needs it: what failed (code, message, target, resource), why, and what to do.
 * Inline by default so one failing call never hides the rest of the page.
 */
export function ErrorPanel({
  error,
  title,
  onRetry,
  retrying = false,
}: {
  error: unknown;
  title: string;
  /** Asks again for just what failed (a subscription's list, say), leaving the rest of the page as it is. */
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const azure = error instanceof AzureError ? error : toAzureError(error);
  const explanation = explain(azure);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <code className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs">{azure.code}</code>
        {azure.status > 0 && <span className="text-xs text-red-800">HTTP {azure.status}</span>}
        <span className="text-xs font-medium text-red-900">{explanation.title}</span>
      </p>
      <p className="mt-2 break-words">{azure.message}</p>
      <dl className="mt-3 grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-3">
        <dt className="font-semibold">Cause</dt>
        <dd>{explanation.cause}</dd>
        <dt className="font-semibold">Fix</dt>
        <dd>
          {explanation.fix}
          {explanation.link && (
            <>
              {" "}
              <Link href={explanation.link.href} className="font-medium underline">
                {explanation.link.label}
              </Link>
            </>
          )}
        </dd>
        {azure.target && (
          <>
            <dt className="font-semibold">Target</dt>
            <dd className="font-mono text-xs">{azure.target}</dd>
          </>
        )}
        {azure.resourceId && (
          <>
            <dt className="font-semibold">Resource</dt>
            <dd className="break-all font-mono text-xs">{azure.resourceId}</dd>
          </>
        )}
        {azure.requestId && (
          <>
            <dt className="font-semibold">Request id</dt>
            <dd className="font-mono text-xs">{azure.requestId}</dd>
          </>
        )}
      </dl>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-3 rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100 disabled:opacity-60"
        >
          {retrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}
