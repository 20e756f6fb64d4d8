import { parseResourceId } from "@/lib/azure/resourceId";

/**
 * One row of the inventory: a gallery, an image definition or version, or another artifact of a gallery (a VM
 * application or its version, a script, an in-VM access control profile), in the same shape whether it came
 * from a Resource Graph row or from an ARM list. Only what the overview shows and filters on; the detail pages
 * read the full resource.
 */
export type InventoryKind =
  "gallery" | "definition" | "version" | "application" | "applicationVersion" | "script" | "accessControlProfile";

export interface InventoryItem {
  kind: InventoryKind;
  /** The ARM resource id, as the service spells it. */
  id: string;
  name: string;
  /** Lower-cased, so rows from both sources group together. */
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** The gallery's id (lower-cased) for definitions and versions, the item's own for a gallery. */
  galleryKey: string;
  /** The image definition's id (lower-cased) for versions, the item's own for a definition. */
  definitionKey?: string;
  description?: string;
  osType?: string;
  /** The definition's identifier, `publisher/offer/sku`. */
  publisher?: string;
  offer?: string;
  sku?: string;
  provisioningState?: string;
  /** A gallery's sharingProfile.permissions (Private, Groups, Community). */
  sharingPermissions?: string;
}

export const GALLERY_TYPE = "microsoft.compute/galleries";
export const DEFINITION_TYPE = "microsoft.compute/galleries/images";
export const VERSION_TYPE = "microsoft.compute/galleries/images/versions";
export const APPLICATION_TYPE = "microsoft.compute/galleries/applications";
export const APPLICATION_VERSION_TYPE = "microsoft.compute/galleries/applications/versions";
export const SCRIPT_TYPE = "microsoft.compute/galleries/scripts";
export const ACCESS_CONTROL_PROFILE_TYPE = "microsoft.compute/galleries/invmaccesscontrolprofiles";

const KIND_OF_TYPE: Record<string, InventoryKind> = {
  [GALLERY_TYPE]: "gallery",
  [DEFINITION_TYPE]: "definition",
  [VERSION_TYPE]: "version",
  [APPLICATION_TYPE]: "application",
  [APPLICATION_VERSION_TYPE]: "applicationVersion",
  [SCRIPT_TYPE]: "script",
  [ACCESS_CONTROL_PROFILE_TYPE]: "accessControlProfile",
};

/** The id up to (and including) the `/{segment}/{name}` pair, lower-cased. */
function prefixKey(id: string, segment: "galleries" | "images"): string {
  const lower = id.toLowerCase();
  const marker = `/${segment}/`;
  const at = lower.indexOf(marker);
  if (at < 0) return lower;
  const end = lower.indexOf("/", at + marker.length);
  return end < 0 ? lower : lower.slice(0, end);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

interface ResourceFields {
  id: string;
  name: string;
  type: string;
  location?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  description?: unknown;
  osType?: unknown;
  publisher?: unknown;
  offer?: unknown;
  sku?: unknown;
  provisioningState?: unknown;
  sharingPermissions?: unknown;
}

function toItem(r: ResourceFields): InventoryItem | undefined {
  const kind = KIND_OF_TYPE[r.type.toLowerCase()];
  if (!kind) return undefined;
  const parsed = parseResourceId(r.id);
  const item: InventoryItem = {
    kind,
    id: r.id,
    name: r.name,
    subscriptionId: (r.subscriptionId ?? parsed?.subscriptionId ?? "").toLowerCase(),
    resourceGroup: r.resourceGroup || parsed?.resourceGroup || "",
    location: (r.location ?? "").toLowerCase(),
    galleryKey: prefixKey(r.id, "galleries"),
  };
  if (kind === "definition" || kind === "version") item.definitionKey = prefixKey(r.id, "images");
  const optional = {
    description: r.description,
    osType: r.osType,
    publisher: r.publisher,
    offer: r.offer,
    sku: r.sku,
    provisioningState: r.provisioningState,
    sharingPermissions: r.sharingPermissions,
  };
  for (const [key, value] of Object.entries(optional)) {
    const s = str(value);
    if (s !== undefined) item[key as keyof typeof optional] = s;
  }
  return item;
}

/** A row of INVENTORY_QUERY (see kql.ts); undefined for rows of other types. */
export function itemFromGraphRow(row: Record<string, unknown>): InventoryItem | undefined {
  if (typeof row.id !== "string" || typeof row.name !== "string" || typeof row.type !== "string") return undefined;
  return toItem(row as unknown as ResourceFields);
}

/** A resource as an ARM list returns it (`{id, name, type, location, properties}`). */
export function itemFromArmResource(resource: {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  location?: unknown;
  properties?: Record<string, unknown>;
}): InventoryItem | undefined {
  if (typeof resource.id !== "string" || typeof resource.name !== "string" || typeof resource.type !== "string")
    return undefined;
  const p = resource.properties ?? {};
  const identifier = (p.identifier ?? {}) as Record<string, unknown>;
  const sharingProfile = (p.sharingProfile ?? {}) as Record<string, unknown>;
  return toItem({
    id: resource.id,
    name: resource.name,
    type: resource.type,
    location: typeof resource.location === "string" ? resource.location : "",
    description: p.description,
    osType: p.osType,
    publisher: identifier.publisher,
    offer: identifier.offer,
    sku: identifier.sku,
    provisioningState: p.provisioningState,
    sharingPermissions: sharingProfile.permissions,
  });
}
