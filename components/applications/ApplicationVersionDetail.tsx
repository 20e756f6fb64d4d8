"use client";

import { useQuery } from "@tanstack/react-query";
import { ApplicationVersionActions } from "@/components/applications/ApplicationActions";
import { CustomActionsTable } from "@/components/applications/ApplicationDetail";
import { useArm } from "@/components/layout/ArmContext";
import { EdgeZonesSection } from "@/components/galleryArtifacts/EdgeZones";
import { PropertyList } from "@/components/ui/PropertyList";
import { SafeLink } from "@/components/ui/SafeLink";
import { ResourceTags, SafeText } from "@/components/ui/SafeText";
import { Card, Section } from "@/components/ui/Section";
import { RegionReplicationTable } from "@/components/versions/RegionReplicationTable";
import { VersionFacts, VersionPageHeader } from "@/components/versions/VersionPageHeader";
import { latestIn, useApplicationVersions } from "@/components/versions/useVersionsWithReplication";
import { applicationIdOf, applicationVersionIdOf } from "@/lib/azure/routeParams";
import { applicationVersionQueries, type ApplicationVersionPath } from "@/lib/queries/galleryApplications";

function Command({ value }: { value: string | undefined }) {
  if (!value) return <span className="text-slate-600">—</span>;
  return <code className="block whitespace-pre-wrap break-all font-mono text-xs">{value}</code>;
}

export function ApplicationVersionDetail({ path }: { path: ApplicationVersionPath }) {
  const arm = useArm();
  const id = applicationVersionIdOf(path);
  const version = useQuery(applicationVersionQueries.detail(arm, id));
  const siblings = useApplicationVersions(applicationIdOf(path));
  const v = version.data;
  const profile = v?.publishingProfile;
  const isLatest =
    siblings.complete && siblings.versions && v
      ? latestIn(siblings.versions, v.location).latest === path.versionName
      : false;

  return (
    <>
      <VersionPageHeader
        path={path}
        kind="Application version"
        parentName={path.applicationName}
        version={version}
        id={id}
        isLatest={isLatest}
        toolbar={<ApplicationVersionActions path={path} />}
      />
      {v && profile && (
        <>
          <VersionFacts
            version={v}
            id={id}
            more={[{ label: "Health check", value: profile.enableHealthCheck ? "Reported" : "Not reported" }]}
          />

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
        </>
      )}
    </>
  );
}
