"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { RecycleBinTable } from "@/components/recycleBin/RecycleBinTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { GroupedErrors } from "@/components/ui/GroupedErrors";
import { Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { isSoftDeleteEnabled, SOFT_DELETE_RETENTION_DAYS, SOFT_DELETE_SUMMARY } from "@/lib/gallery/softDelete";
import { galleryQueries } from "@/lib/queries/galleries";
import { softDeletedVersionQueries } from "@/lib/queries/softDeletedVersions";

/**
 * The gallery's recycle bin: its soft-deleted image versions. Shown while soft delete is on, and after it was turned
 * off for as long as versions deleted before are kept.
 */
export function GalleryRecycleBin({ galleryId }: { galleryId: string }) {
  const arm = useArm();
  const gallery = useQuery(galleryQueries.detail(arm, galleryId));
  const bin = useQuery(softDeletedVersionQueries.inGallery(arm, galleryId));
  const versions = (bin.data ?? []).flatMap((definition) => definition.versions);
  const enabled = isSoftDeleteEnabled(gallery.data?.softDeletePolicy);
  if (!enabled && versions.length === 0) return null;
  return (
    <Section
      title="Recycle bin"
      description={
        <>
          {enabled
            ? `Soft delete is on. ${SOFT_DELETE_SUMMARY}`
            : "Soft delete is off; versions deleted before are kept until purged."}{" "}
          The gallery API has no purge: a version leaves the recycle bin when restored or when its retention ends.{" "}
          <Link href="/recycle-bin" className="underline">
            Every gallery&apos;s recycle bin
          </Link>
        </>
      }
    >
      {bin.isPending ? (
        <Spinner label="Listing soft-deleted versions…" />
      ) : bin.isError ? (
        <ErrorPanel error={bin.error} title="The soft-deleted versions of this gallery could not be listed" />
      ) : (
        <>
          <GroupedErrors
            failures={bin.data
              .filter((definition) => definition.error !== undefined)
              .map((definition) => ({ name: definition.imageName, error: definition.error }))}
            describe={(names) => `The soft-deleted versions of ${names} could not be listed`}
          />
          <RecycleBinTable
            versions={versions}
            caption="Soft-deleted image versions"
            empty={`No soft-deleted versions: nothing was deleted in the last ${SOFT_DELETE_RETENTION_DAYS} days.`}
          />
        </>
      )}
    </Section>
  );
}
