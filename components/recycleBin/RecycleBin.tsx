"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { RecycleBinTable } from "@/components/recycleBin/RecycleBinTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { GroupedErrors } from "@/components/ui/GroupedErrors";
import { PageHeader, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { isSoftDeleteEnabled, SOFT_DELETE_SUMMARY } from "@/lib/gallery/softDelete";
import { galleryQueries } from "@/lib/queries/galleries";
import { softDeletedVersionQueries } from "@/lib/queries/softDeletedVersions";
import { subscriptionQueries } from "@/lib/queries/subscriptions";

/**
 * The recycle bin across every gallery the user can read: the galleries of each subscription, then the soft-deleted
 * versions of those with soft delete on (a gallery where it was turned off later shows its remaining versions on
 * its own page; listing every definition of every gallery here would cost a request per definition).
 */
export function RecycleBin() {
  const arm = useArm();
  const subscriptions = useQuery(subscriptionQueries.list(arm));
  const galleryLists = useQueries({
    queries: (subscriptions.data ?? []).map((s) => galleryQueries.list(arm, s.subscriptionId)),
  });
  const galleries = galleryLists
    .flatMap((list) => list.data ?? [])
    .filter((gallery) => isSoftDeleteEnabled(gallery.softDeletePolicy) && gallery.id);
  const bins = useQueries({
    queries: galleries.map((gallery) => softDeletedVersionQueries.inGallery(arm, gallery.id!)),
  });
  const listing = subscriptions.isPending || galleryLists.some((l) => l.isPending) || bins.some((b) => b.isPending);
  const versions = bins.flatMap((bin) => (bin.data ?? []).flatMap((definition) => definition.versions));
  const failures = [
    ...galleryLists.flatMap((list, i) =>
      list.isError ? [{ name: subscriptions.data?.[i]?.displayName ?? "", error: list.error }] : [],
    ),
    ...bins.flatMap((bin, i) => (bin.isError ? [{ name: galleries[i]?.name ?? "", error: bin.error }] : [])),
    ...bins.flatMap((bin, i) =>
      (bin.data ?? []).flatMap((definition) =>
        definition.error ? [{ name: `${galleries[i]?.name}/${definition.imageName}`, error: definition.error }] : [],
      ),
    ),
  ];
  return (
    <>
      <PageHeader
        kind="Recycle bin"
        title="Soft-deleted image versions"
        subtitle={`In every gallery you can read that has soft delete on. ${SOFT_DELETE_SUMMARY}`}
      />
      {subscriptions.isError && (
        <ErrorPanel error={subscriptions.error} title="Your subscriptions could not be listed" />
      )}
      <Section
        title={
          listing ? "Searching…" : `${versions.length} soft-deleted ${versions.length === 1 ? "version" : "versions"}`
        }
        description={
          listing ? undefined : (
            <>
              Searched {galleries.length} {galleries.length === 1 ? "gallery" : "galleries"} with soft delete on. The
              gallery API has no purge: a version leaves the recycle bin when restored or when its retention ends.
            </>
          )
        }
      >
        {listing && <Spinner label="Listing soft-deleted versions…" />}
        <GroupedErrors failures={failures} describe={(names) => `Could not search ${names}`} />
        <RecycleBinTable
          versions={versions}
          caption="Soft-deleted image versions in every gallery"
          showGallery
          empty={listing ? "Loading…" : "No soft-deleted versions in any gallery you can read."}
        />
      </Section>
    </>
  );
}
