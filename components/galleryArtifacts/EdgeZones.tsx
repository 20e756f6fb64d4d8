import type { GalleryTargetExtendedLocation } from "@azure/arm-compute";
import { PropertyList, type Property } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { regionDisplayName } from "@/lib/gallery/regions";

type EdgeZone = Pick<
  GalleryTargetExtendedLocation,
  "name" | "extendedLocationReplicaCount" | "storageAccountType" | "extendedLocation"
>;

/** One edge zone as the version pages list it: type, home region, replicas × storage, then `details` (encryption). */
export function edgeZoneItem(zone: EdgeZone, details: readonly string[] = []): Property {
  return {
    label: `Edge zone ${zone.extendedLocation?.name ?? ""}`,
    value: [
      `${zone.extendedLocation?.type ?? "EdgeZone"} in ${regionDisplayName(zone.name ?? "")}`,
      `${zone.extendedLocationReplicaCount ?? 1} × ${zone.storageAccountType ?? "Standard_LRS"}`,
      ...(details.length > 0 ? [details.join("; ")] : []),
    ].join(" · "),
  };
}

/** The edge zones (`targetExtendedLocations`) of an application or script version; nothing when it has none. */
export function EdgeZonesSection({ zones }: { zones: readonly EdgeZone[] | undefined }) {
  if (!zones?.length) return null;
  return (
    <Section title="Edge zones" description="Azure Extended Zones this version is replicated to.">
      <Card>
        <PropertyList columns={2} items={zones.map((zone) => edgeZoneItem(zone))} />
      </Card>
    </Section>
  );
}
