import { AzureError, toAzureError } from "@/lib/azure/errors";

/**
 * An ARM error as the user needs it: what failed (code, message, target, resource), why, and what to do.
 * Inline by default so one failing call never hides the rest of the page.
 */
export function ErrorPanel({ error, title }: { error: unknown; title: string }) {
  const azure = error instanceof AzureError ? error : toAzureError(error);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        <code className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs">{azure.code}</code>
        {azure.status > 0 && <span className="ml-2 text-xs text-red-800">HTTP {azure.status}</span>}
      </p>
      <p className="mt-2 break-words">{azure.message}</p>
      <dl className="mt-2 space-y-0.5 text-xs text-red-900">
        {azure.target && (
          <div>
            <dt className="inline font-semibold">Target: </dt>
            <dd className="inline font-mono">{azure.target}</dd>
          </div>
        )}
        {azure.resourceId && (
          <div>
            <dt className="inline font-semibold">Resource: </dt>
            <dd className="inline break-all font-mono">{azure.resourceId}</dd>
          </div>
        )}
        {azure.requestId && (
          <div>
            <dt className="inline font-semibold">Request id: </dt>
            <dd className="inline font-mono">{azure.requestId}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
