"use client";

import type { GalleryApplicationCustomAction } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { AccessNote } from "@/components/access/AccessNote";
import { ResourceError } from "@/components/access/NoAccess";
import { ApplicationActions } from "@/components/applications/ApplicationActions";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { LazySharingPanels } from "@/components/sharing/LazySharingPanels";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PropertyList } from "@/components/ui/PropertyList";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { SafeLink } from "@/components/ui/SafeLink";
import { ResourceTags, SafeText } from "@/components/ui/SafeText";
import { Card, PageHeader, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { Tag } from "@/components/ui/StateBadge";
import { latestIn, useApplicationVersions } from "@/components/versions/useVersionsWithReplication";
import { EndOfLifeValue, versionColumns, VersionsTable } from "@/components/versions/versionColumns";
import { applicationIdOf } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";
import { normalizeLocation, regionDisplayName } from "@/lib/gallery/regions";
import { effectiveTargetRegions } from "@/lib/gallery/replication";
import { applicationQueries, applicationVersionQueries, type ApplicationPath } from "@/lib/queries/galleryApplications";

const { column, leading, replication } = versionColumns(applicationVersionQueries.replication);
const tableColumns = [
  ...leading,
  column.display({
    id: "links",
    header: "Package and configuration",
    cell: (info) => {
      const source = info.row.original.version.publishingProfile?.source;
      return (
        <span className="flex flex-col gap-1 text-xs">
          <SafeLink href={source?.mediaLink}>Package</SafeLink>
          {source?.defaultConfigurationLink ? (
            <SafeLink href={source.defaultConfigurationLink}>Default configuration</SafeLink>
          ) : (
            <span className="text-slate-600">No default configuration</span>
          )}
        </span>
      );
    },
  }),
  ...replication,
];

interface LatestRow {
  region: string;
  displayName: string;
  latest: string | undefined;
  pastEndOfLife: boolean;
}

const latestColumn = createColumnHelper<LatestRow>();
const latestColumns = [
  latestColumn.accessor("displayName", {
    header: "Region",
    meta: { rowHeader: true },
    cell: (info) => <SafeText value={info.getValue()} />,
  }),
  latestColumn.accessor((row) => row.latest ?? "", {
    id: "latest",
    header: "`latest` resolves to",
    sortingFn: (a, b) => compareVersionNames(a.original.latest ?? "0.0.0", b.original.latest ?? "0.0.0"),
    cell: (info) => {
      const row = info.row.original;
      if (!row.latest) return <span className="text-slate-600">No version is usable here yet</span>;
      return (
        <span className="font-mono">
          {row.latest}
          {row.pastEndOfLife && <Tag tone="warn">past end of life</Tag>}
        </span>
      );
    },
  }),
];

interface CustomActionRow {
  id: string;
  action: GalleryApplicationCustomAction;
}

const actionColumn = createColumnHelper<CustomActionRow>();
export const customActionColumns = [
  actionColumn.accessor((row) => row.action.name, { id: "name", header: "Action", meta: { rowHeader: true } }),
  actionColumn.accessor((row) => row.action.script, {
    id: "script",
    header: "Script",
    enableSorting: false,
    cell: (info) => <code className="break-all font-mono text-xs">{info.getValue()}</code>,
  }),
  actionColumn.accessor((row) => row.action.description ?? "", {
    id: "description",
    header: "Description",
    enableSorting: false,
    cell: (info) => <SafeText value={info.getValue()} />,
  }),
  actionColumn.display({
    id: "parameters",
    header: "Parameters",
    cell: (info) => {
      const parameters = info.row.original.action.parameters ?? [];
      if (parameters.length === 0) return "—";
      return (
        <ul className="space-y-1 text-xs">
          {parameters.map((parameter) => (
            <li key={parameter.name}>
              <span className="font-mono">{parameter.name}</span> ({parameter.type ?? "String"}
              {parameter.required ? ", required" : ""}
              {parameter.defaultValue ? `, default ${parameter.defaultValue}` : ""})
            </li>
          ))}
        </ul>
      );
    },
  }),
];

export function CustomActionsTable({
  actions,
  caption,
}: {
  actions: GalleryApplicationCustomAction[] | undefined;
  caption: string;
}) {
  return (
    <DataTable
      data={(actions ?? []).map((action) => ({ id: action.name, action }))}
      columns={customActionColumns}
      caption={caption}
      getRowId={(row) => row.id}
      empty="No custom actions."
    />
  );
}

export function ApplicationDetail({ path }: { path: ApplicationPath }) {
  const arm = useArm();
  const id = applicationIdOf(path);
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const application = useQuery(applicationQueries.detail(arm, id));
  // Beyond 50 versions the hook reads only what decides latest; the table's cells read the rows on screen.
  const { listError, versions, detailErrors, complete } = useApplicationVersions(id);
  const app = application.data;
  // Memoized on the versions array (kept stable by the hook), as an application may hold 10,000 versions.
  const latestRows: LatestRow[] = useMemo(() => {
    if (!versions || !complete) return [];
    const regions = new Set(
      versions.flatMap((version) => effectiveTargetRegions(version).map((t) => normalizeLocation(t.name))),
    );
    return [...regions].sort().map((region) => {
      const resolution = latestIn(versions, region);
      return {
        region,
        displayName: regionDisplayName(region),
        latest: resolution.latest,
        pastEndOfLife: resolution.latestIsPastEndOfLife,
      };
    });
  }, [versions, complete]);
  const latestHere = complete && app && versions ? latestIn(versions, app.location).latest : undefined;

  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind="VM application"
        title={path.applicationName}
        badges={app?.supportedOSType && <Tag tone="neutral">{app.supportedOSType}</Tag>}
        subtitle={app?.description && <SafeText value={app.description} />}
      />
      {application.isPending && <Spinner label="Loading VM application…" />}
      {application.isError && (
        <ResourceError error={application.error} scopeId={id} title="This VM application could not be read" />
      )}
      {app && <AccessNote scopeId={id} />}
      {app && <ApplicationActions path={path} />}
      {app && (
        <Card>
          <PropertyList
            columns={3}
            items={[
              { label: "Supported OS", value: app.supportedOSType },
              { label: "Region", value: regionDisplayName(app.location) },
              { label: "End of life", value: <EndOfLifeValue date={app.endOfLifeDate} /> },
              { label: "EULA", value: app.eula ? <SafeLink href={app.eula} /> : "—" },
              {
                label: "Privacy statement",
                value: app.privacyStatementUri ? <SafeLink href={app.privacyStatementUri} /> : "—",
              },
              { label: "Release notes", value: app.releaseNoteUri ? <SafeLink href={app.releaseNoteUri} /> : "—" },
              { label: "Tags", value: <ResourceTags tags={app.tags} />, wide: true },
              { label: "Resource id", value: <ResourceIdField id={app.id ?? id} />, wide: true },
            ]}
          />
        </Card>
      )}
      {app && (
        <Section
          title="Custom actions"
          description="Actions a VM owner can run on an installed application; versions may define their own."
        >
          <CustomActionsTable actions={app.customActions} caption={`Custom actions of ${path.applicationName}`} />
        </Section>
      )}
      <Section
        title="Application versions"
        description="Replication is read per version and refreshed every few seconds while any region is still replicating."
      >
        {listError !== undefined ? (
          <ErrorPanel error={listError} title="The versions of this application could not be listed" />
        ) : (
          <VersionsTable
            versions={versions}
            detailErrors={detailErrors}
            columns={tableColumns}
            caption={`Versions of ${path.applicationName}`}
            latest={latestHere}
            empty={!versions ? "Loading…" : "No versions have been published to this application yet."}
          />
        )}
      </Section>
      <Section
        title="Latest per region"
        description="What a VM or scale set that asks for 'latest' gets in each region: the highest version replicated there and not excluded from latest."
      >
        {!complete ? (
          <Spinner label="Reading replication…" />
        ) : (
          <DataTable
            data={latestRows}
            columns={latestColumns}
            caption={`Latest version of ${path.applicationName} per region`}
            getRowId={(row) => row.region}
            empty="No version targets any region yet."
          />
        )}
      </Section>
      {app && <LazySharingPanels resourceId={id} />}
    </>
  );
}
