"use client";

import { useId, useState } from "react";
import { DeploymentCheck } from "@/components/consumer/DeploymentCheck";
import {
  deployControl,
  DeployField,
  DeploymentTargetFields,
  NoSnippet,
  useDeploymentTarget,
} from "@/components/consumer/DeploymentTarget";
import { SnippetTabs } from "@/components/consumer/SnippetTabs";
import { Card, Section } from "@/components/ui/Section";
import { Tag } from "@/components/ui/StateBadge";
import {
  APPLICATION_SNIPPET_KINDS,
  APPLICATION_SNIPPET_LABELS,
  APPLICATION_TARGET_LABELS,
  type ApplicationDeploymentSpec,
  type ApplicationTarget,
  applicationCheckedDeployment,
  applicationSnippets,
} from "@/lib/consumer/applicationSnippets";
import { checkRegion, type ConsumerVersion } from "@/lib/consumer/usability";

export interface ApplicationDeployPanelProps {
  versionId: string;
  version: ConsumerVersion;
  /** The application's supportedOSType. */
  osType: "Windows" | "Linux";
}

/**
 * Snippets that add one application version to a VM or scale set, with its install order and a configuration
 * override, and the deployment check of a VM or scale set that installs it, in the region the user picks.
 */
export function ApplicationDeployPanel({ versionId, version, osType }: ApplicationDeployPanelProps) {
  const ids = {
    target: useId(),
    name: useId(),
    size: useId(),
    admin: useId(),
    order: useId(),
    config: useId(),
    failure: useId(),
  };
  const now = new Date();
  const deployTarget = useDeploymentTarget((region) => checkRegion({ kind: "version", version }, region, now).usable);
  const { region: effectiveRegion, subscriptionId } = deployTarget;
  const [target, setTarget] = useState<ApplicationTarget>("virtualMachine");
  const [vmName, setVmName] = useState("vm-01");
  const [vmSize, setVmSize] = useState("Standard_D2s_v5");
  const [adminUsername, setAdminUsername] = useState("azureuser");
  const [order, setOrder] = useState("");
  const [configurationReference, setConfigurationReference] = useState("");
  const [treatFailure, setTreatFailure] = useState(false);

  const orderNumber = order.trim() === "" ? undefined : Number(order);
  const orderError =
    orderNumber !== undefined && (!Number.isInteger(orderNumber) || orderNumber < 0)
      ? "The order is a whole number, 0 or more."
      : undefined;
  const spec: ApplicationDeploymentSpec = {
    packageReferenceId: versionId,
    osType,
    target,
    location: effectiveRegion,
    ...(deployTarget.subscriptionId ? { subscriptionId: deployTarget.subscriptionId } : {}),
    resourceGroup: deployTarget.resourceGroup,
    vmName,
    vmSize,
    adminUsername,
    ...(orderNumber !== undefined && !orderError ? { order: orderNumber } : {}),
    ...(configurationReference.trim() ? { configurationReference: configurationReference.trim() } : {}),
    ...(treatFailure ? { treatFailureAsDeploymentFailure: true } : {}),
  };
  const result = applicationSnippets(
    { ...spec, resourceGroup: spec.resourceGroup || "my-resource-group" },
    version,
    now,
  );

  return (
    <Section
      title="Add it to a VM or scale set"
      description="Snippets for the region you pick, and a check that ARM accepts a VM installing this version there."
    >
      <Card>
        <form
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => e.preventDefault()}
          aria-label="Application deployment settings"
        >
          <DeployField label="Add to" id={ids.target}>
            <select
              id={ids.target}
              className={deployControl}
              value={target}
              onChange={(e) => setTarget(e.target.value as ApplicationTarget)}
            >
              {(Object.keys(APPLICATION_TARGET_LABELS) as ApplicationTarget[]).map((t) => (
                <option key={t} value={t}>
                  {APPLICATION_TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          </DeployField>
          <DeploymentTargetFields target={deployTarget} />
          <DeployField label={target === "virtualMachine" ? "VM name" : "Scale set name"} id={ids.name}>
            <input id={ids.name} className={deployControl} value={vmName} onChange={(e) => setVmName(e.target.value)} />
          </DeployField>
          <DeployField label="VM size" id={ids.size}>
            <input id={ids.size} className={deployControl} value={vmSize} onChange={(e) => setVmSize(e.target.value)} />
          </DeployField>
          <DeployField
            label="Administrator user name"
            id={ids.admin}
            hint="For the new VM of the Bicep, ARM and Terraform snippets."
          >
            <input
              id={ids.admin}
              className={deployControl}
              value={adminUsername}
              aria-describedby={`${ids.admin}-hint`}
              onChange={(e) => setAdminUsername(e.target.value)}
            />
          </DeployField>
          <DeployField
            label="Install order"
            id={ids.order}
            hint="Among the VM's applications, lowest first; empty for none."
          >
            <input
              id={ids.order}
              className={deployControl}
              inputMode="numeric"
              value={order}
              aria-invalid={Boolean(orderError)}
              aria-describedby={`${ids.order}-hint${orderError ? ` ${ids.order}-error` : ""}`}
              onChange={(e) => setOrder(e.target.value)}
            />
            {orderError && (
              <p id={`${ids.order}-error`} className="text-xs text-red-800">
                {orderError}
              </p>
            )}
          </DeployField>
          <div className="sm:col-span-2">
            <DeployField
              label="Configuration override (blob URI)"
              id={ids.config}
              hint="Replaces the version's default configuration on this VM; the VM must be able to read the blob."
            >
              <input
                id={ids.config}
                type="url"
                className={deployControl}
                value={configurationReference}
                aria-describedby={`${ids.config}-hint`}
                placeholder="https://account.blob.core.windows.net/config/app.json"
                onChange={(e) => setConfigurationReference(e.target.value)}
              />
            </DeployField>
          </div>
          <div className="flex items-center gap-2 self-end pb-1.5 sm:col-span-2">
            <input
              id={ids.failure}
              type="checkbox"
              checked={treatFailure}
              onChange={(e) => setTreatFailure(e.target.checked)}
            />
            <label htmlFor={ids.failure} className="text-sm text-slate-700">
              Fail the deployment when the application fails to install
            </label>
          </div>
        </form>
        <p className="mt-3 text-xs text-slate-600">
          The check validates the ARM template below: a new {target === "virtualMachine" ? "VM" : "scale set"} from the{" "}
          {osType} Marketplace image that installs this version.
        </p>
        <DeploymentCheck deployment={applicationCheckedDeployment(spec)} subscriptionId={subscriptionId} />
      </Card>

      {result.ok ? (
        <div className="mt-4 space-y-4">
          {result.pastEndOfLife && (
            <p role="status" className="text-sm text-slate-700">
              <Tag tone="warn">past end of life</Tag> This version is past its end of life: it still installs, but is
              due for replacement.
            </p>
          )}
          <SnippetTabs
            label="Add it with"
            kinds={APPLICATION_SNIPPET_KINDS}
            labels={APPLICATION_SNIPPET_LABELS}
            code={result.snippets}
          />
        </div>
      ) : (
        <NoSnippet region={effectiveRegion} reason={result.reason} />
      )}
    </Section>
  );
}
