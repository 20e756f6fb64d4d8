import Link from "next/link";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { explainAssignmentError } from "@/lib/sharing/assignmentErrors";

/** A failed grant or removal, explained: "already has this access", or who may do it and where. */
export function AssignmentError({
  error,
  principalName,
  roleName,
  scopeId,
}: {
  error: unknown;
  principalName: string;
  roleName: string;
  scopeId: string;
}) {
  const azure = error instanceof AzureError ? error : toAzureError(error);
  const explanation = explainAssignmentError(azure, { principalName, roleName, scopeId });
  const tone =
    explanation.kind === "alreadyAssigned"
      ? "border-blue-200 bg-blue-50 text-blue-950"
      : "border-red-200 bg-red-50 text-red-950";
  return (
    <div role="alert" data-testid="assignment-error" className={`rounded-lg border p-4 text-sm ${tone}`}>
      <p className="font-semibold">{explanation.title}</p>
      <p className="mt-1">{explanation.detail}</p>
      {explanation.whoCan && (
        <>
          <p className="mt-2">
            <span className="font-semibold">Roles that can grant access: </span>
            {explanation.whoCan.roles.join(", ")}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {explanation.whoCan.scopes.map((s) => (
              <li key={s.id}>
                on the{" "}
                <Link href={`/access?scope=${encodeURIComponent(s.id)}`} className="underline">
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-xs">
        Azure answered <code className="font-mono">{azure.code}</code>: {azure.message}
      </p>
    </div>
  );
}
