"use client";

import { VhdBlobFields } from "@/components/publish/VhdBlobFields";
import { VhdDataDisks } from "@/components/publish/VhdDataDisks";
import type { SourceDefinitionTraits } from "@/lib/gallery/galleryImage";

const ACCOUNT = "properties.storageProfile.osDiskImage.source.storageAccountId";
const URI = "properties.storageProfile.osDiskImage.source.uri";

/**
 * VHDs as the disks' sources: the OS disk's blob and, per LUN, data disks' blobs, each in a storage account of the
 * gallery's subscription in the version's region. The emulator lists an account's blobs from its registry; against
 * Azure they are listed through the account's Blob service with the user's storage token, and where that is refused
 * (no data role, no CORS rule, no network access) the blob's URI is typed, with the reason shown.
 */
export function VhdSourcePicker({
  subscriptionId,
  location,
  definition,
}: {
  subscriptionId: string;
  location: string;
  definition: SourceDefinitionTraits;
}) {
  return (
    <div className="grid gap-3">
      <VhdBlobFields
        accountField={ACCOUNT}
        uriField={URI}
        label=""
        subscriptionId={subscriptionId}
        location={location}
        definition={definition}
      />
      <VhdDataDisks subscriptionId={subscriptionId} location={location} />
    </div>
  );
}
