"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DeploymentCheck } from "@/components/consumer/DeploymentCheck";
import { SnippetTabs } from "@/components/consumer/SnippetTabs";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { SafeLink } from "@/components/ui/SafeLink";
import { SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import {
  communityDeploymentSpec,
  readCommunityGallery,
  type CommunityGalleryRead,
  type CommunityImageRead,
} from "@/lib/consumer/communityGalleries";
import { checkedDeployment } from "@/lib/consumer/armTemplate";
import { allSnippets, SNIPPET_KINDS, SNIPPET_LABELS } from "@/lib/consumer/snippets";
import { regionDisplayName } from "@/lib/gallery/regions";
import { consumerQueries } from "@/lib/queries/consumer";

const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

/**
 * "Open a community gallery": community galleries are public but not listed for a user, so they are opened by the
 * public name their publisher gives out, in a region. Shows the publisher, the images, the versions replicated to
 * that region, and deploy snippets that name the image by its communityGalleryImageId.
 */
export function CommunityGalleryLookup({ subscriptionId }: { subscriptionId: string }) {
  const arm = useArm();
  const nameId = useId();
  const regionId = useId();
  const [publicName, setPublicName] = useState("");
  const [region, setRegion] = useState("");
  const [opened, setOpened] = useState<{ publicName: string; region: string }>();
  const locations = useQuery(consumerQueries.locations(arm, subscriptionId));
  const effectiveRegion = region || locations.data?.[0]?.name || "";
  const gallery = useQuery({
    queryKey: [
      ...consumerQueries.all(),
      "community",
      subscriptionId,
      opened?.region,
      opened?.publicName.toLowerCase(),
    ] as const,
    queryFn: () => readCommunityGallery(arm, subscriptionId, opened!.region, opened!.publicName),
    enabled: opened !== undefined && subscriptionId !== "",
    retry: false,
  });

  return (
    <section
      aria-labelledby={`${nameId}-title`}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${nameId}-title`} className="text-base font-semibold">
        Open a community gallery
      </h2>
      <p className="text-xs text-slate-600">
        Community galleries are public to every Azure user. Enter the public name the publisher gives out and the region
        to deploy in.
      </p>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (publicName.trim() && effectiveRegion)
            setOpened({ publicName: publicName.trim(), region: effectiveRegion });
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={nameId} className="text-xs font-medium text-slate-700">
            Public name
          </label>
          <input
            id={nameId}
            value={publicName}
            onChange={(e) => setPublicName(e.target.value)}
            placeholder="prefix-00000000-0000-0000-0000-000000000000"
            className={`${control} w-96 max-w-full font-mono text-xs`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={regionId} className="text-xs font-medium text-slate-700">
            Region
          </label>
          <select id={regionId} value={effectiveRegion} onChange={(e) => setRegion(e.target.value)} className={control}>
            {(locations.data ?? []).map((l) => (
              <option key={l.name} value={l.name}>
                {l.displayName ?? regionDisplayName(l.name)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={!publicName.trim() || !effectiveRegion}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
        >
          Open
        </button>
      </form>
      {gallery.isFetching && <Spinner label="Opening the community gallery…" />}
      {gallery.isError && <ErrorPanel error={gallery.error} title="The community gallery could not be opened" />}
      {gallery.data && !gallery.isFetching && (
        <CommunityGalleryView gallery={gallery.data} subscriptionId={subscriptionId} />
      )}
    </section>
  );
}

/** A community gallery is anyone's: its publisher details are shown as text, and only http(s) URIs are links. */
function CommunityGalleryView({ gallery, subscriptionId }: { gallery: CommunityGalleryRead; subscriptionId: string }) {
  return (
    <div className="mt-3 space-y-3" aria-label={`Community gallery ${gallery.publicName}`}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">Public name</dt>
        <dd className="font-mono text-xs">{gallery.publicName}</dd>
        <dt className="font-medium">Region</dt>
        <dd>{regionDisplayName(gallery.location)}</dd>
        {gallery.publisherUri && (
          <>
            <dt className="font-medium">Publisher</dt>
            <dd>
              <SafeLink href={gallery.publisherUri} />
            </dd>
          </>
        )}
        {gallery.publisherContact && (
          <>
            <dt className="font-medium">Contact</dt>
            <dd>
              <SafeText value={gallery.publisherContact} />
            </dd>
          </>
        )}
        {gallery.eula && (
          <>
            <dt className="font-medium">EULA</dt>
            <dd>
              <SafeLink href={gallery.eula} />
            </dd>
          </>
        )}
      </dl>
      {gallery.images.length === 0 ? (
        <p className="text-sm text-slate-600">This gallery has no image definitions.</p>
      ) : (
        <ul className="space-y-2">
          {gallery.images.map((image) => (
            <CommunityImage key={image.name} gallery={gallery} image={image} subscriptionId={subscriptionId} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One image of the opened gallery: its versions in the region, a snippet for latest or a version, and the
 * deployment check in a resource group of the subscription the gallery was opened through.
 */
function CommunityImage({
  gallery,
  image,
  subscriptionId,
}: {
  gallery: CommunityGalleryRead;
  image: CommunityImageRead;
  subscriptionId: string;
}) {
  const arm = useArm();
  const versionId = useId();
  const groupId = useId();
  const [version, setVersion] = useState("");
  const groups = useQuery(consumerQueries.resourceGroups(arm, subscriptionId));
  const [resourceGroup, setResourceGroup] = useState("");
  const spec = {
    ...communityDeploymentSpec(gallery, image, version || undefined),
    resourceGroup: resourceGroup || groups.data?.[0]?.name || "my-resource-group",
  };
  return (
    <li className="rounded border border-slate-200 p-3 text-sm">
      <h3 className="font-semibold">{image.name}</h3>
      <p className="text-xs text-slate-600">
        {image.osType} · {image.osState} · {[image.publisher, image.offer, image.sku].filter(Boolean).join(" / ")}
      </p>
      <p className="mt-1">
        <span className="font-medium">Versions in {regionDisplayName(gallery.location)}: </span>
        {image.versions.length === 0 ? "none replicated here yet" : image.versions.map((v) => v.name).join(", ")}
        {image.latest && <span className="text-slate-600"> (latest is {image.latest})</span>}
      </p>
      {image.versions.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-brand-700">Deploy snippets</summary>
          <div className="mt-2 flex flex-col items-start gap-1">
            <label htmlFor={versionId} className="text-xs font-medium text-slate-700">
              Version
            </label>
            <select id={versionId} value={version} onChange={(e) => setVersion(e.target.value)} className={control}>
              <option value="">latest{image.latest ? ` (${image.latest})` : ""}</option>
              {image.versions.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="mt-2">
            <SnippetTabs
              label={`Deploy ${image.name} with`}
              kinds={SNIPPET_KINDS}
              labels={SNIPPET_LABELS}
              code={allSnippets(spec)}
            />
          </div>
          <div className="mt-3 flex flex-col gap-1">
            <label htmlFor={groupId} className="text-xs font-medium text-slate-700">
              Resource group to check the deployment in
            </label>
            <select
              id={groupId}
              value={spec.resourceGroup}
              onChange={(e) => setResourceGroup(e.target.value)}
              className={`${control} w-64`}
            >
              {(groups.data ?? []).map((g) => (
                <option key={g.name} value={g.name}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <DeploymentCheck
            deployment={checkedDeployment(spec)}
            subscriptionId={groups.data?.length ? subscriptionId : ""}
          />
        </details>
      )}
    </li>
  );
}
