"use client";

import { AccessPanel } from "@/components/sharing/AccessPanel";
import { DirectSharingPanel } from "@/components/sharing/DirectSharingPanel";
import { RecentActivity } from "@/components/sharing/RecentActivity";
import { shareScopeKindOf } from "@/lib/sharing/shareMatrix";

/** What a gallery or image definition page shows about sharing: access, direct sharing (galleries), activity. */
export function SharingPanels({ resourceId }: { resourceId: string }) {
  const kind = shareScopeKindOf(resourceId);
  return (
    <>
      <AccessPanel scopeId={resourceId} />
      {kind === "gallery" && <DirectSharingPanel galleryId={resourceId} />}
      <RecentActivity resourceId={resourceId} />
    </>
  );
}
