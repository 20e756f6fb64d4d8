"use client";

import { useMutation } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import type { CheckedDeployment } from "@/lib/consumer/armTemplate";
import { regionDisplayName } from "@/lib/gallery/regions";
import { validateDeployment, type ValidationOutcome } from "@/lib/queries/consumerDeployments";

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function Outcome({ outcome, region }: { outcome: ValidationOutcome; region: string }) {
  if (outcome.ok) {
    return (
      <div
        role="status"
        className="mt-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950"
      >
        <p className="font-semibold">
          ARM accepts this deployment in {regionDisplayName(region)}: validation {outcome.provisioningState}.
        </p>
        <p className="mt-1">Validated resources:</p>
        <ul className="mt-1 list-disc pl-5 font-mono text-xs">
          {outcome.validatedResources.map((id) => (
            <li key={id} className="break-all">
              {id}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-semibold">
        ARM refuses this deployment in {regionDisplayName(region)} (HTTP {outcome.status}).
      </p>
      <p className="mt-1">
        <code className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs">{outcome.error.code}</code>{" "}
        {outcome.error.message}
      </p>
      {outcome.error.details.length > 0 && (
        <>
          <p className="mt-2 font-semibold">What the service says:</p>
          <ul className="mt-1 space-y-1">
            {outcome.error.details.map((d, i) => (
              <li key={i}>
                <code className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs">{d.code}</code>
                {d.target && <span className="ml-1 font-mono text-xs">({d.target})</span>} {d.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.requestId && <p className="mt-2 font-mono text-xs">Request id {outcome.requestId}</p>}
    </div>
  );
}

/**
 * "Check deployment": asks ARM to validate the ARM template of the snippets (`…/deployments/{name}/validate`)
 * in the chosen subscription, resource group and region, and shows ARM's answer as it is. Validation creates
 * nothing; the administrator credentials sent are throwaway values made here.
 */
export function DeploymentCheck({
  deployment,
  subscriptionId,
}: {
  deployment: CheckedDeployment;
  subscriptionId: string;
}) {
  const arm = useArm();
  const check = useMutation({
    mutationFn: (d: CheckedDeployment) =>
      validateDeployment(arm, {
        subscriptionId,
        resourceGroup: d.resourceGroup,
        deploymentName: `gallerist-check-${Date.now()}`,
        template: d.template,
        parameters: d.parameters(randomToken),
      }),
  });
  const ready = subscriptionId !== "" && deployment.resourceGroup.trim() !== "";
  const checkedRegion = check.variables?.location ?? deployment.location;
  return (
    <div className="mt-4">
      <button
        type="button"
        disabled={!ready || check.isPending}
        onClick={() => check.mutate(deployment)}
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {check.isPending ? "Checking…" : "Check deployment"}
      </button>
      {!ready && (
        <p className="mt-1 text-xs text-slate-600">Pick a subscription and a resource group to check against.</p>
      )}
      {check.isError && <ErrorPanel error={check.error} title="The deployment check got no answer" />}
      {check.data && <Outcome outcome={check.data} region={checkedRegion} />}
    </div>
  );
}
