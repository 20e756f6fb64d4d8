"use client";

import { useQuery } from "@tanstack/react-query";
import { AccessNote } from "@/components/access/AccessNote";
import { ResourceError } from "@/components/access/NoAccess";
import { ApplicationVersionActions } from "@/components/applications/ApplicationActions";
import { CustomActionsTable } from "@/components/applications/ApplicationDetail";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { EndOfLifeValue } from "@/components/versions/versionColumns";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { formatDateTime } from "@/components/ui/format";
import { EdgeZonesSection } from "@/components/galleryArtifacts/EdgeZones";
import { PropertyList } from "@/components/ui/PropertyList";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { SafeLink } from "@/components/ui/SafeLink";
import { ResourceTags, SafeText } from "@/components/ui/SafeText";
import { Card, PageHeader, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge, Tag } from "@/components/ui/StateBadge";
import { RegionReplicationTable } from "@/components/versions/RegionReplicationTable";
import { latestIn, useApplicationVersions } from "@/components/versions/useVersionsWithReplication";
import { applicationIdOf, applicationVersionIdOf } from "@/lib/azure/routeParams";
import { profileReplication } from "@/lib/gallery/replication";
import { regionDisplayName } from "@/lib/gallery/regions";
import { isVersionSettling } from "@/lib/queries/galleryImageVersions";
import { applicationVersionQueries, type ApplicationVersionPath } from "@/lib/queries/galleryApplications";

function Command({ value }: { value: string | undefined }) {
  if (!value) return <span className="text-slate-600">—</span>;
  return <code className="block whitespace-pre-wrap break-all font-mono text-xs">{value}</code>;
}

export function ApplicationVersionDetail({ path }: { path: ApplicationVersionPath }) {
  const arm = useArm();
  const id = applicationVersionIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const version = useQuery(applicationVersionQueries.detail(arm, id));
  const siblings = useApplicationVersions(applicationIdOf(path));
  const v = version.data;
  const profile = v?.publishingProfile;
  const isLatest =
    siblings.complete && siblings.versions && v
      ? latestIn(siblings.versions, v.location).latest === path.versionName
      : false;
  const replication = profileReplication(profile);

  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind="Application version"
        title={path.versionName}
        badges={
          v && (
            <>
              {isLatest && <Tag tone="brand">latest</Tag>}
              <StateBadge
                state={v.replicationStatus?.aggregatedState ?? "Unknown"}
                label={`Replication ${v.replicationStatus?.aggregatedState ?? "Unknown"}`}
              />
              {isVersionSettling(v) && <Spinner label="Refreshing" />}
            </>
          )
        }
        subtitle={`${path.applicationName} in ${path.galleryName}`}
      />
      {version.isPending && <Spinner label="Loading application version…" />}
      {version.isError && (
        <ResourceError error={version.error} scopeId={id} title="This application version could not be read" />
      )}
      {v && <AccessNote scopeId={id} />}
      {v && <ApplicationVersionActions path={path} />}
      {v && profile && (
        <>
          <Card>
            <PropertyList
              columns={3}
              items={[
                { label: "Published", value: formatDateTime(profile.publishedDate) },
                { label: "End of life", value: <EndOfLifeValue date={profile.endOfLifeDate} /> },
                { label: "Exclude from latest", value: profile.excludeFromLatest ? "Yes" : "No" },
                { label: "Source region", value: regionDisplayName(v.location) },
                { label: "Default replica count", value: replication.replicaCount },
                { label: "Default storage", value: replication.storage },
                { label: "Provisioning state", value: <StateBadge state={v.provisioningState} /> },
                { label: "Health check", value: profile.enableHealthCheck ? "Reported" : "Not reported" },
                {
                  label: "Allow deletion of replicated locations",
                  value: v.safetyProfile?.allowDeletionOfReplicatedLocations ? "Yes" : "No",
                },
                { label: "Tags", value: <ResourceTags tags={v.tags} />, wide: true },
              ]}
            />
          </Card>

          <Section
            title="Replication"
            description="A region can install this version only once its replication is Completed."
          >
            <RegionReplicationTable version={v} versionName={path.versionName} />
          </Section>
          <EdgeZonesSection zones={profile.targetExtendedLocations} />

          <Section title="Package">
            <Card>
              <PropertyList
                columns={2}
                items={[
                  { label: "Package", value: <SafeLink href={profile.source.mediaLink} /> },
                  {
                    label: "Default configuration",
                    value: profile.source.defaultConfigurationLink ? (
                      <SafeLink href={profile.source.defaultConfigurationLink} />
                    ) : (
                      "—"
                    ),
                  },
                  {
                    label: "Package file name on the VM",
                    value: profile.settings?.packageFileName ?? `${path.applicationName} (the default)`,
                  },
                  {
                    label: "Configuration file name on the VM",
                    value: profile.settings?.configFileName ?? `${path.applicationName}_config (the default)`,
                  },
                  { label: "After a reboot", value: profile.settings?.scriptBehaviorAfterReboot ?? "None" },
                  {
                    label: "Advanced settings",
                    value: Object.keys(profile.advancedSettings ?? {}).length ? (
                      <ResourceTags tags={profile.advancedSettings} />
                    ) : (
                      "—"
                    ),
                  },
                ]}
              />
            </Card>
          </Section>

          <Section title="Commands" description="Run on the VM in the directory the package was downloaded to.">
            <Card>
              <PropertyList
                columns={1}
                items={[
                  { label: "Install", value: <Command value={profile.manageActions?.install} /> },
                  { label: "Remove", value: <Command value={profile.manageActions?.remove} /> },
                  {
                    label: "Update",
                    value: profile.manageActions?.update ? (
                      <Command value={profile.manageActions.update} />
                    ) : (
                      <SafeText value="None: an update removes the old version, then installs this one." />
                    ),
                  },
                ]}
              />
            </Card>
          </Section>

          <Section title="Custom actions">
            <CustomActionsTable actions={profile.customActions} caption={`Custom actions of ${path.versionName}`} />
          </Section>

          <Section title="Resource id">
            <Card>
              <ResourceIdField id={v.id ?? id} />
            </Card>
          </Section>
        </>
      )}
    </>
  );
}
