"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { edgeZoneItem } from "@/components/galleryArtifacts/EdgeZones";
import { useArm } from "@/components/layout/ArmContext";
import { PropertyList, type Property } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { regionDisplayName } from "@/lib/gallery/regions";
import { versionUefiSettingsQuery } from "@/lib/queries/publishingOptions";

const setName = (id: string | undefined) => (id ? id.split("/").pop() : undefined);

type Encryption = NonNullable<
  NonNullable<GalleryImageVersion["publishingProfile"]>["targetRegions"]
>[number]["encryption"];

/** A region's or edge zone's disk encryption sets, by disk. */
function encryptionSummary(encryption: Encryption): string[] {
  const os = encryption?.osDiskImage;
  return [
    os?.diskEncryptionSetId ? `OS disk: ${setName(os.diskEncryptionSetId)}` : "",
    ...(encryption?.dataDiskImages ?? []).map(
      (disk) => `LUN ${disk.lun}: ${setName(disk.diskEncryptionSetId) ?? "platform key"}`,
    ),
    os?.securityProfile?.confidentialVMEncryptionType
      ? `Confidential VM: ${os.securityProfile.confidentialVMEncryptionType}${os.securityProfile.secureVMDiskEncryptionSetId ? ` with ${setName(os.securityProfile.secureVMDiskEncryptionSetId)}` : ""}`
      : "",
  ].filter(Boolean);
}

/**
 * The publishing options a version was made with, as the service reports them: VHD sources (OS and data disks) or a
 * community source, each region's encryption and additional replica sets, edge zones, and UEFI settings. Nothing
 * shows when none is set.
 */
export function VersionPublishingOptions({ version }: { version: GalleryImageVersion }) {
  const arm = useArm();
  const uefi = useQuery(versionUefiSettingsQuery(arm, version.id ?? ""));
  const vhd = version.storageProfile?.osDiskImage?.source;
  const community = version.storageProfile?.source?.communityGalleryImageId;
  const regions = version.publishingProfile?.targetRegions ?? [];
  const edgeZones = version.publishingProfile?.targetExtendedLocations ?? [];
  const items: Property[] = [];
  if (vhd?.uri) {
    items.push({ label: "VHD source", value: <code className="break-all text-xs">{vhd.uri}</code>, wide: true });
    items.push({ label: "Storage account", value: setName(vhd.storageAccountId) ?? "—" });
  }
  for (const disk of version.storageProfile?.dataDiskImages ?? []) {
    if (!disk.source?.uri) continue;
    items.push({
      label: `Data disk LUN ${disk.lun} VHD source`,
      value: (
        <>
          <code className="break-all text-xs">{disk.source.uri}</code> in {setName(disk.source.storageAccountId) ?? "—"}
        </>
      ),
      wide: true,
    });
  }
  if (community) {
    items.push({ label: "Community image source", value: <code className="break-all text-xs">{community}</code> });
  }
  for (const region of regions) {
    const display = regionDisplayName(region.name);
    const encryption = encryptionSummary(region.encryption);
    if (encryption.length > 0) items.push({ label: `Encryption in ${display}`, value: encryption.join("; ") });
    if (region.additionalReplicaSets?.length) {
      items.push({
        label: `Additional replica sets in ${display}`,
        value: region.additionalReplicaSets
          .map((set) => `${set.regionalReplicaCount ?? 1} × ${set.storageAccountType ?? "Standard_LRS"}`)
          .join(", "),
      });
    }
  }
  for (const zone of edgeZones) items.push(edgeZoneItem(zone, encryptionSummary(zone.encryption)));
  const settings = uefi.data;
  if (settings?.signatureTemplateNames?.length) {
    items.push({ label: "UEFI signature templates", value: settings.signatureTemplateNames.join(", ") });
  }
  const signatures = settings?.additionalSignatures;
  if (signatures) {
    const counts = [
      signatures.pk ? "PK" : "",
      signatures.kek?.length ? `${signatures.kek.length} KEK` : "",
      signatures.db?.length ? `${signatures.db.length} db` : "",
      signatures.dbx?.length ? `${signatures.dbx.length} dbx` : "",
    ].filter(Boolean);
    if (counts.length > 0) items.push({ label: "UEFI additional signatures", value: counts.join(", ") });
  }
  if (items.length === 0) return null;
  return (
    <Section title="Publishing options">
      <Card>
        <PropertyList columns={2} items={items} />
      </Card>
    </Section>
  );
}
