"use client";

import { useQuery } from "@tanstack/react-query";
import { ArtifactReplication } from "@/components/galleryArtifacts/ArtifactReplication";
import { ArtifactPageHeader } from "@/components/galleryArtifacts/ArtifactPageHeader";
import { ArtifactListPage, type ArtifactListKind } from "@/components/galleryArtifacts/ArtifactListPage";
import { ArtifactTable } from "@/components/galleryArtifacts/ArtifactParts";
import { ArtifactToolbar, ArtifactVersionToolbar } from "@/components/galleryArtifacts/ArtifactToolbars";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { formatDate } from "@/components/ui/format";
import { EdgeZonesSection } from "@/components/galleryArtifacts/EdgeZones";
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { SafeLink } from "@/components/ui/SafeLink";
import { SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { galleryArtifactHref, galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import { deleteGalleryScript, deleteGalleryScriptVersion, scriptQueries } from "@/lib/queries/galleryScripts";

const SCRIPT: ArtifactListKind = {
  resourceType: "Microsoft.Compute/galleries/scripts",
  noun: "gallery script",
  shortNoun: "script",
  versionNoun: "script version",
  collection: "scripts",
  title: "Scripts",
  kindLabel: "Gallery scripts",
  itemName: "script",
  createPage: "new-script",
};

/** The scripts of a gallery, with a way to create one. */
export function ScriptsList({ gallery }: { gallery: GalleryPath }) {
  const arm = useArm();
  const scripts = useQuery({
    ...scriptQueries.list(arm, galleryIdOf(gallery)),
    select: (list) =>
      list.map((s) => ({
        id: s.id,
        name: s.name,
        provisioningState: s.properties?.provisioningState,
        cells: [s.properties?.supportedOSType ?? "—", <SafeText key="description" value={s.properties?.description} />],
      })),
  });
  return <ArtifactListPage gallery={gallery} kind={SCRIPT} list={scripts} headers={["Supported OS", "Description"]} />;
}

/** A gallery script: its properties, its versions with their replication, and what may be done with it. */
export function ScriptDetail({ path }: { path: GalleryArtifactPath }) {
  const arm = useArm();
  const id = galleryArtifactId(path);
  const script = useQuery(scriptQueries.detail(arm, id));
  const versions = useQuery(scriptQueries.versions(arm, id));
  const p = script.data?.properties;
  const sorted = [...(versions.data ?? [])].sort((a, b) => compareVersionNames(b.name ?? "", a.name ?? ""));
  return (
    <>
      <ArtifactPageHeader
        path={path}
        artifact={SCRIPT}
        kind="Gallery script"
        read={script}
        toolbar={
          <ArtifactToolbar
            kind={SCRIPT}
            path={path}
            versionCount={sorted.length}
            deleteArtifact={() => deleteGalleryScript(arm, path)}
          />
        }
      />
      {p && (
        <Card>
          <PropertyList
            items={[
              { label: "Supported OS", value: p.supportedOSType },
              { label: "State", value: <StateBadge state={p.provisioningState} /> },
              { label: "Region", value: regionDisplayName(script.data?.location ?? "") },
              { label: "End of life", value: p.endOfLifeDate ? formatDate(p.endOfLifeDate.toISOString()) : undefined },
              { label: "Description", value: <SafeText value={p.description} />, wide: true },
              { label: "EULA", value: <SafeText value={p.eula} />, wide: true },
              { label: "Privacy statement", value: p.privacyStatementUri && <SafeLink href={p.privacyStatementUri} /> },
              { label: "Release notes", value: p.releaseNoteUri && <SafeLink href={p.releaseNoteUri} /> },
            ]}
          />
        </Card>
      )}
      <Section title="Versions">
        {versions.isError && <ErrorPanel error={versions.error} title="The versions could not be listed" />}
        <ArtifactTable
          caption={`Versions of ${path.artifactName}`}
          headers={["Published", "Target regions", "Excluded from latest"]}
          empty="No version yet."
          rows={sorted.map((v) => ({
            key: v.id ?? v.name ?? "",
            name: v.name ?? "",
            href: galleryArtifactHref({ ...path, versionName: v.name ?? "" }),
            provisioningState: v.properties?.provisioningState,
            cells: [
              v.properties?.publishingProfile.publishedDate
                ? formatDate(v.properties.publishingProfile.publishedDate.toISOString())
                : "—",
              (v.properties?.publishingProfile.targetRegions ?? []).map((t) => regionDisplayName(t.name)).join(", "),
              v.properties?.publishingProfile.excludeFromLatest ? "Yes" : "No",
            ],
          }))}
        />
      </Section>
    </>
  );
}

/** A script version: source and parameters, replication per region, and what may be done with it. */
export function ScriptVersionDetail({ path }: { path: GalleryArtifactPath & { versionName: string } }) {
  const arm = useArm();
  const id = galleryArtifactId(path);
  const version = useQuery(scriptQueries.version(arm, id));
  const profile = version.data?.properties.publishingProfile;
  return (
    <>
      <ArtifactPageHeader
        path={path}
        artifact={SCRIPT}
        kind="Script version"
        read={version}
        toolbar={
          <ArtifactVersionToolbar
            kind={SCRIPT}
            path={path}
            deleteVersion={() => deleteGalleryScriptVersion(arm, path)}
            consequence="Its replicas in every target region are deleted. This cannot be undone."
          />
        }
      />
      {version.isPending && <Spinner label="Reading the version…" />}
      {version.data && profile && (
        <>
          <Card>
            <PropertyList
              items={[
                { label: "State", value: <StateBadge state={version.data.properties.provisioningState} /> },
                {
                  label: "Script link",
                  value: <span className="break-all font-mono text-xs">{profile.source.scriptLink}</span>,
                  wide: true,
                },
                { label: "Published", value: profile.publishedDate ? formatDate(profile.publishedDate) : undefined },
                { label: "End of life", value: profile.endOfLifeDate ? formatDate(profile.endOfLifeDate) : undefined },
                { label: "Excluded from latest", value: profile.excludeFromLatest ? "Yes" : "No" },
                {
                  label: "Removing replicated regions",
                  value: version.data.properties.safetyProfile?.allowDeletionOfReplicatedLocations
                    ? "Allowed"
                    : "Blocked",
                },
              ]}
            />
          </Card>
          <EdgeZonesSection zones={profile.targetExtendedLocations} />
          <Section title="Parameters">
            {(profile.source.parameters ?? []).length === 0 ? (
              <p className="text-sm text-slate-700">The script takes no parameter.</p>
            ) : (
              <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
                <table className="w-full text-sm">
                  <caption className="sr-only">Parameters of the script</caption>
                  <thead className="bg-slate-50 text-left text-xs text-slate-700">
                    <tr>
                      {["Name", "Type", "Required", "Default", "Range or values", "Description"].map((h) => (
                        <th key={h} scope="col" className="px-3 py-2 font-medium">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {(profile.source.parameters ?? []).map((parameter) => (
                      <tr key={parameter.name} className="border-t border-slate-100">
                        <th scope="row" className="px-3 py-2 text-left font-mono text-xs">
                          {parameter.name}
                        </th>
                        <td className="px-3 py-2">{parameter.type ?? "String"}</td>
                        <td className="px-3 py-2">{parameter.required ? "Yes" : "No"}</td>
                        <td className="px-3 py-2">
                          <SafeText value={parameter.defaultValue ?? "—"} />
                        </td>
                        <td className="px-3 py-2">
                          {parameter.enumValues?.join(", ") ??
                            (parameter.minValue !== undefined || parameter.maxValue !== undefined
                              ? `${parameter.minValue ?? "…"} to ${parameter.maxValue ?? "…"}`
                              : "—")}
                        </td>
                        <td className="px-3 py-2">
                          <SafeText value={parameter.description} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
          <Section title="Replication" description="Replicas per target region; a region is usable once Completed.">
            <Card>
              <ArtifactReplication
                version={{
                  name: version.data.name,
                  location: version.data.location,
                  targetRegions: profile.targetRegions,
                  replicaCount: profile.replicaCount,
                  storageAccountType: profile.storageAccountType,
                  storageAccountStrategy: profile.storageAccountStrategy,
                  excludeFromLatest: profile.excludeFromLatest,
                  publishedDate: profile.publishedDate,
                  summary: version.data.properties.replicationStatus?.summary,
                }}
              />
            </Card>
          </Section>
        </>
      )}
    </>
  );
}
