"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { TrustBadges } from "@/components/trust/TrustBadges";
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import type { InventoryImage } from "@/lib/consumer/inventory";

/**
 * The trust badges of an image's newest version in "Images I can use": policy reports come with the row; the
 * validation is read for rows on screen only. Galleries shared directly expose neither (their API has no such fields).
 */
export function NewestVersionTrust({ image }: { image: InventoryImage }) {
  const newest = image.access === "rbac" ? image.versions[0] : undefined;
  const versions = newest ? [{ id: newest.id, name: newest.name, safetyProfile: newest.safetyProfile }] : [];
  const trust = useVersionTrust(versions as GalleryImageVersion[], image.features).get(newest?.name ?? "");
  if (!newest) return <span className="text-slate-600">—</span>;
  return <TrustBadges trust={trust} />;
}
