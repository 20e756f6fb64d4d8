"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DeploymentCheck } from "@/components/consumer/DeploymentCheck";
import { useArm } from "@/components/layout/ArmContext";
import { CopyButton } from "@/components/ui/CopyButton";
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
import { AZURE_REGIONS, regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";
import { subscriptionQueries } from "@/lib/queries/subscriptions";
import { visibleText } from "@/lib/security/safeLink";

const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

function Field({ label, id, hint, children }: { label: string; id: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface ApplicationDeployPanelProps {
  versionId: string;
  version: ConsumerVersion;
  /** The application's supportedOSType. */
  osType: "Windows" | "Linux";
}

/**
 * Snippets that add one application version to a VM or scale set, with its install order and a configuration
 * override, and the deployment check of a VM that installs it, in the region the user picks.
 */
export function ApplicationDeployPanel({ versionId, version, osType }: ApplicationDeployPanelProps) {
  const arm = useArm();
  const ids = {
    target: useId(),
    region: useId(),
    subscription: useId(),
    group: useId(),
    groups: useId(),
    name: useId(),
    size: useId(),
    admin: useId(),
    order: useId(),
    config: useId(),
    failure: useId(),
  };
  const now = new Date();
  const usable = AZURE_REGIONS.filter((r) => checkRegion({ kind: "version", version }, r.name, now).usable).map(
    (r) => r.name,
  );
  const others = AZURE_REGIONS.filter((r) => r.regionCategory === "Recommended" && !usable.includes(r.name)).map(
    (r) => r.name,
  );
  const [target, setTarget] = useState<ApplicationTarget>("virtualMachine");
  const [region, setRegion] = useState("");
  const effectiveRegion = region || usable[0] || others[0] || "";
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const [chosenSubscriptionId, setSubscriptionId] = useState("");
  const subscriptionId = chosenSubscriptionId || subscriptions.data?.[0]?.subscriptionId || "";
  const groups = useQuery(consumerQueries.resourceGroups(arm, subscriptionId));
  const [resourceGroup, setResourceGroup] = useState("");
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
    resourceGroup: resourceGroup || groups.data?.[0]?.name || "",
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
          <Field label="Add to" id={ids.target}>
            <select
              id={ids.target}
              className={control}
              value={target}
              onChange={(e) => setTarget(e.target.value as ApplicationTarget)}
            >
              {(Object.keys(APPLICATION_TARGET_LABELS) as ApplicationTarget[]).map((t) => (
                <option key={t} value={t}>
                  {APPLICATION_TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Region" id={ids.region}>
            <select
              id={ids.region}
              className={control}
              value={effectiveRegion}
              onChange={(e) => setRegion(e.target.value)}
            >
              <optgroup label="Usable now">
                {usable.map((r) => (
                  <option key={r} value={r}>
                    {regionDisplayName(r)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Not usable">
                {others.map((r) => (
                  <option key={r} value={r}>
                    {regionDisplayName(r)}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
          <Field label="Subscription" id={ids.subscription}>
            <select
              id={ids.subscription}
              className={control}
              value={subscriptionId}
              onChange={(e) => setSubscriptionId(e.target.value)}
            >
              {(subscriptions.data ?? []).map((s) => (
                <option key={s.subscriptionId} value={s.subscriptionId}>
                  {visibleText(s.displayName)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Resource group" id={ids.group}>
            <input
              id={ids.group}
              list={ids.groups}
              className={control}
              value={resourceGroup}
              placeholder={groups.data?.[0]?.name ?? "my-resource-group"}
              onChange={(e) => setResourceGroup(e.target.value)}
            />
            <datalist id={ids.groups}>
              {(groups.data ?? []).map((g) => (
                <option key={g.name} value={g.name} />
              ))}
            </datalist>
          </Field>
          <Field label={target === "virtualMachine" ? "VM name" : "Scale set name"} id={ids.name}>
            <input id={ids.name} className={control} value={vmName} onChange={(e) => setVmName(e.target.value)} />
          </Field>
          <Field label="VM size" id={ids.size}>
            <input id={ids.size} className={control} value={vmSize} onChange={(e) => setVmSize(e.target.value)} />
          </Field>
          <Field
            label="Administrator user name"
            id={ids.admin}
            hint="For the new VM of the Bicep, ARM and Terraform snippets."
          >
            <input
              id={ids.admin}
              className={control}
              value={adminUsername}
              aria-describedby={`${ids.admin}-hint`}
              onChange={(e) => setAdminUsername(e.target.value)}
            />
          </Field>
          <Field label="Install order" id={ids.order} hint="Among the VM's applications, lowest first; empty for none.">
            <input
              id={ids.order}
              className={control}
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
          </Field>
          <div className="sm:col-span-2">
            <Field
              label="Configuration override (blob URI)"
              id={ids.config}
              hint="Replaces the version's default configuration on this VM; the VM must be able to read the blob."
            >
              <input
                id={ids.config}
                type="url"
                className={`${control} w-full`}
                value={configurationReference}
                aria-describedby={`${ids.config}-hint`}
                placeholder="https://account.blob.core.windows.net/config/app.json"
                onChange={(e) => setConfigurationReference(e.target.value)}
              />
            </Field>
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
          {APPLICATION_SNIPPET_KINDS.map((kind) => (
            <section
              key={kind}
              aria-label={`${APPLICATION_SNIPPET_LABELS[kind]} snippet`}
              className="rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
                <h3 className="text-sm font-semibold text-slate-900">{APPLICATION_SNIPPET_LABELS[kind]}</h3>
                <CopyButton value={result.snippets[kind]} label={`Copy ${APPLICATION_SNIPPET_LABELS[kind]} snippet`} />
              </div>
              <pre tabIndex={0} className="max-h-80 overflow-auto p-3 font-mono text-xs text-slate-900">
                <code>{result.snippets[kind]}</code>
              </pre>
            </section>
          ))}
        </div>
      ) : (
        <div role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">
            No snippet for {regionDisplayName(effectiveRegion)}: the service would refuse it.
          </p>
          <p className="mt-1">{result.reason}</p>
        </div>
      )}
    </Section>
  );
}
