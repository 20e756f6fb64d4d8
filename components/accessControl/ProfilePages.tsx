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
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { SafeText } from "@/components/ui/SafeText";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { galleryArtifactHref, galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import type { AccessControlRules } from "@/lib/gallery/inVMAccessControl";
import { compareVersionNames } from "@/lib/gallery/names";
import { regionDisplayName } from "@/lib/gallery/regions";
import {
  accessControlProfileQueries,
  deleteAccessControlProfile,
  deleteAccessControlProfileVersion,
} from "@/lib/queries/galleryInVMAccessControlProfiles";

const PROFILE: ArtifactListKind = {
  resourceType: "Microsoft.Compute/galleries/inVMAccessControlProfiles",
  noun: "access control profile",
  shortNoun: "profile",
  versionNoun: "profile version",
  collection: "inVMAccessControlProfiles",
  title: "Access control profiles",
  kindLabel: "In-VM access control profiles",
  itemName: "access control profile",
  createPage: "new-inVMAccessControlProfile",
};

/** The in-VM access control profiles of a gallery, with a way to create one. */
export function ProfilesList({ gallery }: { gallery: GalleryPath }) {
  const arm = useArm();
  const profiles = useQuery({
    ...accessControlProfileQueries.list(arm, galleryIdOf(gallery)),
    select: (list) =>
      list.map((p) => ({
        id: p.id,
        name: p.name,
        provisioningState: p.properties?.provisioningState,
        cells: [
          p.properties?.osType ?? "—",
          p.properties?.applicableHostEndpoint ?? "—",
          <SafeText key="description" value={p.properties?.description} />,
        ],
      })),
  });
  return (
    <ArtifactListPage
      gallery={gallery}
      kind={PROFILE}
      list={profiles}
      headers={["OS", "Host endpoint", "Description"]}
    />
  );
}

/** A profile: what it guards, its versions (mode, default access), and what may be done with it. */
export function ProfileDetail({ path }: { path: GalleryArtifactPath }) {
  const arm = useArm();
  const id = galleryArtifactId(path);
  const profile = useQuery(accessControlProfileQueries.detail(arm, id));
  const versions = useQuery(accessControlProfileQueries.versions(arm, id));
  const p = profile.data?.properties;
  const sorted = [...(versions.data ?? [])].sort((a, b) => compareVersionNames(b.name, a.name));
  return (
    <>
      <ArtifactPageHeader
        path={path}
        artifact={PROFILE}
        kind="In-VM access control profile"
        read={profile}
        toolbar={
          <ArtifactToolbar
            kind={PROFILE}
            path={path}
            versionCount={sorted.length}
            deleteArtifact={() => deleteAccessControlProfile(arm, path)}
          />
        }
      />
      {p && (
        <Card>
          <PropertyList
            items={[
              { label: "OS type", value: p.osType },
              { label: "Host endpoint", value: p.applicableHostEndpoint },
              { label: "State", value: <StateBadge state={p.provisioningState} /> },
              { label: "Region", value: regionDisplayName(profile.data?.location ?? "") },
              { label: "Description", value: <SafeText value={p.description} />, wide: true },
            ]}
          />
        </Card>
      )}
      <Section title="Versions">
        {versions.isError && <ErrorPanel error={versions.error} title="The versions could not be listed" />}
        <ArtifactTable
          caption={`Versions of ${path.artifactName}`}
          headers={["Mode", "Default access", "Published", "Target locations"]}
          empty="No version yet."
          rows={sorted.map((v) => ({
            key: v.id,
            name: v.name,
            href: galleryArtifactHref({ ...path, versionName: v.name }),
            provisioningState: v.properties.provisioningState,
            cells: [
              v.properties.mode,
              v.properties.defaultAccess,
              v.properties.publishedDate ? formatDate(v.properties.publishedDate) : "—",
              (v.properties.targetLocations ?? []).map((t) => regionDisplayName(t.name)).join(", "),
            ],
          }))}
        />
      </Section>
    </>
  );
}

function RulesView({ rules }: { rules: AccessControlRules }) {
  const list = (items: string[]) => <SafeText value={items.length ? items.join(", ") : "—"} />;
  return (
    <PropertyList
      columns={1}
      items={[
        {
          label: "Privileges",
          value: list(
            (rules.privileges ?? []).map(
              (p) =>
                `${p.name}: ${p.path}${
                  p.queryParameters
                    ? ` (${Object.entries(p.queryParameters)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(", ")})`
                    : ""
                }`,
            ),
          ),
        },
        { label: "Roles", value: list((rules.roles ?? []).map((r) => `${r.name}: ${r.privileges.join(", ")}`)) },
        {
          label: "Identities",
          value: list(
            (rules.identities ?? []).map(
              (i) =>
                `${i.name}: ${[
                  i.userName && `user ${i.userName}`,
                  i.groupName && `group ${i.groupName}`,
                  i.exePath && `executable ${i.exePath}`,
                  i.processName && `process ${i.processName}`,
                ]
                  .filter(Boolean)
                  .join(", ")}`,
            ),
          ),
        },
        {
          label: "Role assignments",
          value: list((rules.roleAssignments ?? []).map((a) => `${a.role} to ${a.identities.join(", ")}`)),
        },
      ]}
    />
  );
}

/** A profile version: mode, default access, rules and replication, and what may be done with it. */
export function ProfileVersionDetail({ path }: { path: GalleryArtifactPath & { versionName: string } }) {
  const arm = useArm();
  const id = galleryArtifactId(path);
  const version = useQuery(accessControlProfileQueries.version(arm, id));
  const p = version.data?.properties;
  return (
    <>
      <ArtifactPageHeader
        path={path}
        artifact={PROFILE}
        kind="Profile version"
        read={version}
        toolbar={
          <ArtifactVersionToolbar
            kind={PROFILE}
            path={path}
            deleteVersion={() => deleteAccessControlProfileVersion(arm, path)}
            consequence="Its replicas in every target location are deleted. This cannot be undone."
          />
        }
      />
      {version.isPending && <Spinner label="Reading the version…" />}
      {version.data && p && (
        <>
          <Card>
            <PropertyList
              items={[
                { label: "Mode", value: p.mode },
                { label: "Default access", value: p.defaultAccess },
                { label: "State", value: <StateBadge state={p.provisioningState} /> },
                { label: "Published", value: p.publishedDate ? formatDate(p.publishedDate) : undefined },
                { label: "Excluded from latest", value: p.excludeFromLatest ? "Yes" : "No" },
              ]}
            />
          </Card>
          <Section title="Rules">
            <Card>
              {p.rules ? (
                <RulesView rules={p.rules} />
              ) : (
                <p className="text-sm">No rules: every request gets the default access.</p>
              )}
            </Card>
          </Section>
          <Section title="Replication" description="Replicas per target location; a location is usable once Completed.">
            <Card>
              <ArtifactReplication
                version={{
                  name: version.data.name,
                  location: version.data.location,
                  targetRegions: p.targetLocations,
                  excludeFromLatest: p.excludeFromLatest,
                  publishedDate: p.publishedDate,
                  summary: p.replicationStatus?.summary,
                }}
              />
            </Card>
          </Section>
        </>
      )}
    </>
  );
}
