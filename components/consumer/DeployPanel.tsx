"use client";

import type { GalleryImage, GalleryImageVersion } from "@azure/arm-compute";
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
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import { VmSizePicker } from "@/components/consumer/VmSizePicker";
import { Card, Section } from "@/components/ui/Section";
import { Tag } from "@/components/ui/StateBadge";
import { checkedDeployment, type DeploymentSpec } from "@/lib/consumer/armTemplate";
import { deploySnippets, SNIPPET_KINDS, SNIPPET_LABELS } from "@/lib/consumer/snippets";
import { requiredSecurityType } from "@/lib/consumer/securityType";
import { checkRegion, type ConsumerVersion, type ImageChoice } from "@/lib/consumer/usability";
import { effectiveFeatures } from "@/lib/gallery/features";
import { regionDisplayName } from "@/lib/gallery/regions";

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
  const ids = { choice: useId(), name: useId(), size: useId(), admin: useId() };
  const [useLatest, setUseLatest] = useState(!version);
  const choice: ImageChoice = useLatest || !version ? { kind: "latest", versions } : { kind: "version", version };
  const now = new Date();
  const target = useDeploymentTarget((region) => checkRegion(choice, region, now).usable);
  const { region: effectiveRegion, subscriptionId } = target;
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
    ...(target.subscriptionId ? { subscriptionId: target.subscriptionId } : {}),
    resourceGroup: target.resourceGroup,
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
            <DeployField label="Image" id={ids.choice}>
              <select
                id={ids.choice}
                className={deployControl}
                value={useLatest ? "latest" : "version"}
                onChange={(e) => setUseLatest(e.target.value === "latest")}
              >
                <option value="version">This version ({version.name})</option>
                <option value="latest">Latest of {image.name}</option>
              </select>
            </DeployField>
          )}
          <DeploymentTargetFields target={target} />
          <DeployField label="VM name" id={ids.name}>
            <input id={ids.name} className={deployControl} value={vmName} onChange={(e) => setVmName(e.target.value)} />
          </DeployField>
          <DeployField label="VM size" id={ids.size}>
            <VmSizePicker
              id={ids.size}
              className={deployControl}
              value={vmSize}
              onChange={setVmSize}
              subscriptionId={subscriptionId}
              region={effectiveRegion}
              image={image}
              vm={securityType ? { securityType } : {}}
            />
          </DeployField>
          {osState === "Generalized" && (
            <DeployField label="Administrator user name" id={ids.admin}>
              <input
                id={ids.admin}
                className={deployControl}
                value={adminUsername}
                onChange={(e) => setAdminUsername(e.target.value)}
              />
            </DeployField>
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
              <p className="mt-1">Every snippet below carries this warning.</p>
            </div>
          )}
          <SnippetTabs label="Deploy with" kinds={SNIPPET_KINDS} labels={SNIPPET_LABELS} code={result.snippets} />
        </div>
      ) : (
        <NoSnippet region={effectiveRegion} reason={result.reason} />
      )}
    </Section>
  );
}
