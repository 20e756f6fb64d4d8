"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AccessNote } from "@/components/access/AccessNote";
import { ResourceError } from "@/components/access/NoAccess";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { formatDateTime } from "@/components/ui/format";
import { PropertyList, type Property } from "@/components/ui/PropertyList";
import { ResourceIdField } from "@/components/ui/ResourceIdField";
import { ResourceTags } from "@/components/ui/SafeText";
import { Card, PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge, Tag } from "@/components/ui/StateBadge";
import { EndOfLifeValue } from "@/components/versions/versionColumns";
import type { GalleryPath } from "@/lib/azure/routeParams";
import { regionDisplayName } from "@/lib/gallery/regions";
import { profileReplication } from "@/lib/gallery/replication";
import { isVersionSettling } from "@/lib/queries/galleryImageVersions";

/** What the top of a version's page reads of an image or application version alike. */
export interface ReplicatedVersion {
  id?: string;
  location: string;
  provisioningState?: string;
  replicationStatus?: { aggregatedState?: string };
  tags?: Record<string, string>;
  publishingProfile?: {
    publishedDate?: Date;
    endOfLifeDate?: Date;
    excludeFromLatest?: boolean;
    replicaCount?: number;
    storageAccountType?: string;
  };
  safetyProfile?: { allowDeletionOfReplicatedLocations?: boolean };
}

/**
 * The top of an image or application version's page: crumbs, the one heading with `latest` and the replication
 * state, the read's progress or failure, then, once read, the access note and the version's toolbar.
 */
export function VersionPageHeader({
  path,
  kind,
  parentName,
  version,
  id,
  isLatest,
  toolbar,
}: {
  path: GalleryPath & { versionName: string };
  /** "Image version", "Application version". */
  kind: string;
  /** The image definition's or application's name. */
  parentName: string;
  version: UseQueryResult<ReplicatedVersion>;
  id: string;
  isLatest: boolean;
  toolbar: ReactNode;
}) {
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const v = version.data;
  const noun = kind.toLowerCase();
  const replication = v?.replicationStatus?.aggregatedState ?? "Unknown";
  return (
    <>
      <Breadcrumbs items={armCrumbs(path, subscriptionName)} />
      <PageHeader
        kind={kind}
        title={path.versionName}
        badges={
          v && (
            <>
              {isLatest && <Tag tone="brand">latest</Tag>}
              <StateBadge state={replication} label={`Replication ${replication}`} />
              {isVersionSettling(v) && <Spinner label="Refreshing" />}
            </>
          )
        }
        subtitle={`${parentName} in ${path.galleryName}`}
      />
      {version.isPending && <Spinner label={`Loading ${noun}…`} />}
      {version.isError && <ResourceError error={version.error} scopeId={id} title={`This ${noun} could not be read`} />}
      {v && <AccessNote scopeId={id} />}
      {v && toolbar}
    </>
  );
}

/**
 * The facts every replicated version has (published, end of life, latest, where and how it replicates, whether its
 * replicated regions may be dropped, tags, resource id), with the family's own (`more`) before the tags.
 */
export function VersionFacts({ version, id, more }: { version: ReplicatedVersion; id: string; more: Property[] }) {
  const profile = version.publishingProfile;
  const replication = profileReplication(profile);
  return (
    <Card>
      <PropertyList
        columns={3}
        items={[
          { label: "Published", value: formatDateTime(profile?.publishedDate) },
          { label: "End of life", value: <EndOfLifeValue date={profile?.endOfLifeDate} /> },
          { label: "Exclude from latest", value: profile?.excludeFromLatest ? "Yes" : "No" },
          { label: "Source region", value: regionDisplayName(version.location) },
          { label: "Default replica count", value: replication.replicaCount },
          { label: "Default storage", value: replication.storage },
          { label: "Provisioning state", value: <StateBadge state={version.provisioningState} /> },
          {
            label: "Allow deletion of replicated locations",
            value: version.safetyProfile?.allowDeletionOfReplicatedLocations ? "Yes" : "No",
          },
          ...more,
          { label: "Tags", value: <ResourceTags tags={version.tags} />, wide: true },
          { label: "Resource id", value: <ResourceIdField id={version.id ?? id} />, wide: true },
        ]}
      />
    </Card>
  );
}
