"use client";

import type { GalleryImage, GalleryImageVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DeploymentCheck } from "@/components/consumer/DeploymentCheck";
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import { VmSizePicker } from "@/components/consumer/VmSizePicker";
import { useArm } from "@/components/layout/ArmContext";
import { CopyButton } from "@/components/ui/CopyButton";
import { Card, Section } from "@/components/ui/Section";
import { Tag } from "@/components/ui/StateBadge";
import { checkedDeployment, type DeploymentSpec } from "@/lib/consumer/armTemplate";
import { deploySnippets, SNIPPET_KINDS, SNIPPET_LABELS } from "@/lib/consumer/snippets";
import { requiredSecurityType } from "@/lib/consumer/securityType";
import { checkRegion, type ConsumerVersion, type ImageChoice } from "@/lib/consumer/usability";
import { effectiveFeatures } from "@/lib/gallery/features";
import { AZURE_REGIONS, regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";
import { subscriptionQueries } from "@/lib/queries/subscriptions";
import { visibleText } from "@/lib/security/safeLink";

const control =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

function Field({ label, children, id }: { label: string; id: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export interface DeployPanelProps {
  image: GalleryImage & { id: string; name: string };
  /** The definition's versions with replication status (for latest). */
  versions: readonly ConsumerVersion[];
  /** On a version page: that version, offered next to latest. */
  version?: ConsumerVersion & { id: string };
  /** The id that means latest; the definition's id unless the image is a shared gallery's (`…/Versions/latest`). */
  latestId?: string;
  /** The gallery's versions as ARM returns them, where the user can read them: their trust signals warn in snippets. */
  galleryVersions?: readonly GalleryImageVersion[];
}

/**
 * Deploy snippets and the deployment check for one image: the exact version or `latest`, in the region the user
 * picks. Regions where the choice cannot be deployed get the reason instead of a snippet.
 */
export function DeployPanel({ image, versions, version, latestId = image.id, galleryVersions }: DeployPanelProps) {
  const arm = useArm();
  const ids = {
    choice: useId(),
    region: useId(),
    subscription: useId(),
    group: useId(),
    groups: useId(),
    name: useId(),
    size: useId(),
    admin: useId(),
  };
  const [useLatest, setUseLatest] = useState(!version);
  const choice: ImageChoice = useLatest || !version ? { kind: "latest", versions } : { kind: "version", version };
  const now = new Date();
  const usable = AZURE_REGIONS.filter((r) => checkRegion(choice, r.name, now).usable).map((r) => r.name);
  const others = AZURE_REGIONS.filter((r) => r.regionCategory === "Recommended" && !usable.includes(r.name)).map(
    (r) => r.name,
  );

  const [region, setRegion] = useState("");
  const effectiveRegion = region || usable[0] || others[0] || "";
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const [chosenSubscriptionId, setSubscriptionId] = useState("");
  // Until the user picks one, the first subscription they can see.
  const subscriptionId = chosenSubscriptionId || subscriptions.data?.[0]?.subscriptionId || "";
  const groups = useQuery(consumerQueries.resourceGroups(arm, subscriptionId));
  const [resourceGroup, setResourceGroup] = useState("");
  const [vmName, setVmName] = useState("vm-01");
  const [vmSize, setVmSize] = useState(image.architecture === "Arm64" ? "Standard_D2ps_v5" : "Standard_D2s_v5");
  const [adminUsername, setAdminUsername] = useState("azureuser");

  const osState = image.osState === "Specialized" ? "Specialized" : "Generalized";
  const check = checkRegion(choice, effectiveRegion, now);
  const resolvedName = check.usable ? check.version : undefined;
  // A feature added from a later version (startsAtVersion) is not the resolved version's to claim.
  const securityType = requiredSecurityType(effectiveFeatures(image.features, resolvedName));
  const resolved = galleryVersions?.find((v) => v.name === resolvedName);
  const trust = useVersionTrust(resolved ? [resolved] : [], image.features).get(resolvedName ?? "");
  const warnings = trust?.warnings ?? [];
  const spec: DeploymentSpec = {
    imageId: choice.kind === "version" ? version!.id : latestId,
    osType: image.osType === "Windows" ? "Windows" : "Linux",
    osState,
    ...(securityType ? { securityType } : {}),
    location: effectiveRegion,
    resourceGroup: resourceGroup || groups.data?.[0]?.name || "",
    vmName,
    vmSize,
    adminUsername,
  };
  const result = deploySnippets(
    choice,
    { ...spec, resourceGroup: spec.resourceGroup || "my-resource-group" },
    now,
    (name) => (name === resolvedName ? warnings : []),
  );

  return (
    <Section
      title="Deploy"
      description="Snippets and a deployment check for the region you pick. Generalized images need an administrator account; specialized ones keep their own."
    >
      <Card>
        <form
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => e.preventDefault()}
          aria-label="Deployment settings"
        >
          {version && (
            <Field label="Image" id={ids.choice}>
              <select
                id={ids.choice}
                className={control}
                value={useLatest ? "latest" : "version"}
                onChange={(e) => setUseLatest(e.target.value === "latest")}
              >
                <option value="version">This version ({version.name})</option>
                <option value="latest">Latest of {image.name}</option>
              </select>
            </Field>
          )}
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
          <Field label="VM name" id={ids.name}>
            <input id={ids.name} className={control} value={vmName} onChange={(e) => setVmName(e.target.value)} />
          </Field>
          <Field label="VM size" id={ids.size}>
            <VmSizePicker
              id={ids.size}
              className={control}
              value={vmSize}
              onChange={setVmSize}
              subscriptionId={subscriptionId}
              region={effectiveRegion}
              image={image}
              vm={securityType ? { securityType } : {}}
            />
          </Field>
          {osState === "Generalized" && (
            <Field label="Administrator user name" id={ids.admin}>
              <input
                id={ids.admin}
                className={control}
                value={adminUsername}
                onChange={(e) => setAdminUsername(e.target.value)}
              />
            </Field>
          )}
        </form>
        <DeploymentCheck deployment={checkedDeployment(spec)} subscriptionId={subscriptionId} />
      </Card>

      {result.ok ? (
        <div className="mt-4 space-y-4">
          <p className="text-sm text-slate-700" role="status">
            In {regionDisplayName(effectiveRegion)} this deploys version{" "}
            <span className="font-mono font-semibold">{result.resolvedVersion}</span>
            {choice.kind === "latest" ? " (what latest resolves to there today)" : ""}.{" "}
            {osState === "Specialized" ? "Specialized image: no administrator account is set." : ""}
            {result.pastEndOfLife && (
              <>
                {" "}
                <Tag tone="warn">past end of life</Tag>
              </>
            )}
          </p>
          {warnings.length > 0 && (
            <div
              role="alert"
              data-testid="snippet-warning"
              className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            >
              <p className="font-semibold">Check before deploying version {result.resolvedVersion}</p>
              <ul className="mt-1 list-disc pl-5">
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
              <p className="mt-1">Each snippet below carries this warning.</p>
            </div>
          )}
          {SNIPPET_KINDS.map((kind) => (
            <section
              key={kind}
              aria-label={`${SNIPPET_LABELS[kind]} snippet`}
              className="rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
                <h3 className="text-sm font-semibold text-slate-900">{SNIPPET_LABELS[kind]}</h3>
                <CopyButton value={result.snippets[kind]} label={`Copy ${SNIPPET_LABELS[kind]} snippet`} />
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
