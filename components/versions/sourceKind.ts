/** The kind of a version's source, from its ARM resource type. */
export function sourceKind(id: string | undefined): string {
  if (!id) return "—";
  const type = id.toLowerCase();
  if (type.includes("/microsoft.compute/galleries/") && type.includes("/versions/")) return "Gallery image version";
  if (type.includes("/microsoft.compute/images/")) return "Managed image";
  if (type.includes("/microsoft.compute/virtualmachines/")) return "Virtual machine";
  if (type.includes("/microsoft.compute/disks/")) return "Managed disk";
  if (type.includes("/microsoft.compute/snapshots/")) return "Snapshot";
  return "Resource";
}
