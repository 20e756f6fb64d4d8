"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { AZURE_REGIONS, regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";
import { subscriptionQueries } from "@/lib/queries/subscriptions";
import { visibleText } from "@/lib/security/safeLink";

/**
 * Where a consumer deploys what a version page offers (an image or a VM application): the region, the subscription
 * and the resource group, shared by the deploy panels' fields, snippets and deployment check.
 */

export const deployControl =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

export function DeployField({
  label,
  id,
  hint,
  children,
}: {
  label: string;
  id: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
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

export interface DeploymentTarget {
  /** Regions where the choice can be deployed now, then the recommended regions where it cannot. */
  usable: string[];
  others: string[];
  /** The region picked, or the first usable one until the user picks. */
  region: string;
  setRegion: (region: string) => void;
  /** The subscription picked, or the first the user can see. */
  subscriptionId: string;
  setSubscriptionId: (id: string) => void;
  subscriptions: { subscriptionId: string; displayName: string }[];
  /** What the user typed (empty until then), and the group the check uses: typed, or the first one listed. */
  resourceGroupInput: string;
  setResourceGroup: (name: string) => void;
  resourceGroup: string;
  resourceGroups: { name: string }[];
}

export function useDeploymentTarget(isUsable: (region: string) => boolean): DeploymentTarget {
  const arm = useArm();
  const usable = AZURE_REGIONS.filter((r) => isUsable(r.name)).map((r) => r.name);
  const others = AZURE_REGIONS.filter((r) => r.regionCategory === "Recommended" && !usable.includes(r.name)).map(
    (r) => r.name,
  );
  const [region, setRegion] = useState("");
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const [chosenSubscriptionId, setSubscriptionId] = useState("");
  const subscriptionId = chosenSubscriptionId || subscriptions.data?.[0]?.subscriptionId || "";
  const groups = useQuery(consumerQueries.resourceGroups(arm, subscriptionId));
  const [resourceGroupInput, setResourceGroup] = useState("");
  return {
    usable,
    others,
    region: region || usable[0] || others[0] || "",
    setRegion,
    subscriptionId,
    setSubscriptionId,
    subscriptions: subscriptions.data ?? [],
    resourceGroupInput,
    setResourceGroup,
    resourceGroup: resourceGroupInput || groups.data?.[0]?.name || "",
    resourceGroups: groups.data ?? [],
  };
}

/** The region (usable first), subscription and resource group fields of a deploy panel's form. */
export function DeploymentTargetFields({ target }: { target: DeploymentTarget }) {
  const ids = { region: useId(), subscription: useId(), group: useId(), groups: useId() };
  return (
    <>
      <DeployField label="Region" id={ids.region}>
        <select
          id={ids.region}
          className={deployControl}
          value={target.region}
          onChange={(e) => target.setRegion(e.target.value)}
        >
          <optgroup label="Usable now">
            {target.usable.map((r) => (
              <option key={r} value={r}>
                {regionDisplayName(r)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Not usable">
            {target.others.map((r) => (
              <option key={r} value={r}>
                {regionDisplayName(r)}
              </option>
            ))}
          </optgroup>
        </select>
      </DeployField>
      <DeployField label="Subscription" id={ids.subscription}>
        <select
          id={ids.subscription}
          className={deployControl}
          value={target.subscriptionId}
          onChange={(e) => target.setSubscriptionId(e.target.value)}
        >
          {target.subscriptions.map((s) => (
            <option key={s.subscriptionId} value={s.subscriptionId}>
              {visibleText(s.displayName)}
            </option>
          ))}
        </select>
      </DeployField>
      <DeployField label="Resource group" id={ids.group}>
        <input
          id={ids.group}
          list={ids.groups}
          className={deployControl}
          value={target.resourceGroupInput}
          placeholder={target.resourceGroups[0]?.name ?? "my-resource-group"}
          onChange={(e) => target.setResourceGroup(e.target.value)}
        />
        <datalist id={ids.groups}>
          {target.resourceGroups.map((g) => (
            <option key={g.name} value={g.name} />
          ))}
        </datalist>
      </DeployField>
    </>
  );
}

/** Instead of snippets, in a region the service would refuse. */
export function NoSnippet({ region, reason }: { region: string; reason: string }) {
  return (
    <div role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">No snippet for {regionDisplayName(region)}: the service would refuse it.</p>
      <p className="mt-1">{reason}</p>
    </div>
  );
}
