import { levelOfScope } from "@/lib/access/accessNote";
import { AzureError } from "@/lib/azure/errors";
import { ROLES_THAT_ASSIGN } from "@/lib/sharing/roles";
import { ErrorPanel } from "@/components/ui/ErrorPanel";

function roleToAsk(action: string | undefined): string {
  if (!action) return "Reader (to view it) or Compute Gallery Image Reader (to deploy its images)";
  if (/share\/action$/i.test(action)) return "Compute Gallery Sharing Admin";
  if (/roleAssignments\//i.test(action)) return "Role Based Access Control Administrator";
  if (/\/(write|delete)$/i.test(action)) return "Compute Gallery Artifacts Publisher (or Contributor)";
  return "Reader (to view it) or Compute Gallery Image Reader (to deploy its images)";
}

/**
 * "You don't have access": the user's role assignments do not reach this resource, or not this action. Says who
 * can change that, since the user cannot see the resource's role assignments themselves.
 */
export function NoAccess({
  scopeId,
  action,
  error,
  page = false,
}: {
  scopeId: string;
  action?: string;
  error?: AzureError;
  /** The whole page (a create page the user may not use): its heading is the page's h1. */
  page?: boolean;
}) {
  const level = levelOfScope(scopeId);
  const Heading = page ? "h1" : "h2";
  return (
    <div
      role="alert"
      data-testid="no-access"
      className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950"
    >
      <Heading className="text-base font-semibold">You don&apos;t have access</Heading>
      <p className="mt-1">
        {action
          ? `Your role assignments do not allow this on the ${level}.`
          : `Your role assignments do not let you see this ${level}.`}
      </p>
      <p className="mt-2">
        <span className="font-semibold">Who can grant it: </span>
        someone with {ROLES_THAT_ASSIGN.join(", ").replace(/, ([^,]*)$/, " or $1")} on this {level}, its resource group
        or its subscription. Ask them to assign you {roleToAsk(action)}.
      </p>
      {error && (
        <p className="mt-2 break-words">
          <span className="font-semibold">Azure answered: </span>
          <code className="rounded bg-amber-100 px-1 py-0.5 font-mono text-xs">{error.code}</code> {error.message}
        </p>
      )}
      <p className="mt-2 break-all font-mono text-xs text-amber-900">{scopeId}</p>
    </div>
  );
}

/** An error reading a resource: the no-access state for ARM's AuthorizationFailed, the error panel otherwise. */
export function ResourceError({ error, scopeId, title }: { error: unknown; scopeId: string; title: string }) {
  if (error instanceof AzureError && error.status === 403) {
    return <NoAccess scopeId={scopeId} error={error} />;
  }
  return <ErrorPanel error={error} title={title} />;
}
