"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useArm } from "@/components/layout/ArmContext";
import { formatDateTime } from "@/components/ui/format";
import { sectionAnchor } from "@/components/ui/Section";
import { pageHref } from "@/lib/azure/routeParams";
import { isSoftDeleteEnabled, purgeTimeOf, SOFT_DELETE_RETENTION_DAYS } from "@/lib/gallery/softDelete";
import { galleryQueries } from "@/lib/queries/galleries";

function useSoftDelete(galleryId: string): boolean | undefined {
  const arm = useArm();
  const gallery = useQuery(galleryQueries.detail(arm, galleryId));
  return gallery.data && isSoftDeleteEnabled(gallery.data.softDeletePolicy);
}

function RecycleBinLink({ galleryId }: { galleryId: string }) {
  return (
    <Link href={`${pageHref(galleryId)}${sectionAnchor("Recycle bin")}`} className="underline">
      recycle bin
    </Link>
  );
}

/**
 * In a version's delete dialog: whether the gallery keeps it, and until when. A version is kept from when its delete
 * completes, so "until" counts from when the dialog opened: the delete's own minutes later at most.
 */
export function VersionSoftDeleteNotice({ galleryId, openedAt }: { galleryId: string; openedAt: number }) {
  const enabled = useSoftDelete(galleryId);
  if (enabled === undefined) return null;
  if (!enabled) return <p className="mt-2">Soft delete is off in this gallery: the version is deleted for good.</p>;
  return (
    <p className="mt-2 rounded border border-emerald-200 bg-emerald-50 p-2 text-emerald-950">
      Soft delete is on in this gallery: the version is kept for {SOFT_DELETE_RETENTION_DAYS} days, until{" "}
      <strong>{formatDateTime(purgeTimeOf(new Date(openedAt)))}</strong>, and can be restored from the gallery&apos;s{" "}
      <RecycleBinLink galleryId={galleryId} /> until then.
    </p>
  );
}

/** In a definition's delete dialog: with soft delete on, its deleted versions stay and block the definition's delete. */
export function DefinitionSoftDeleteNotice({ galleryId }: { galleryId: string }) {
  if (!useSoftDelete(galleryId)) return null;
  return (
    <p className="mt-2 rounded border border-amber-200 bg-amber-50 p-2 font-medium text-amber-950">
      Soft delete is on in this gallery: deleted versions are kept for {SOFT_DELETE_RETENTION_DAYS} days, and Azure
      refuses to delete the definition while it holds them. Deleting its versions now keeps them in the{" "}
      <RecycleBinLink galleryId={galleryId} />; the definition can go once they are purged.
    </p>
  );
}
