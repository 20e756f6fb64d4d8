import {
  ACCESS_CONTROL_PROFILE_TYPE,
  APPLICATION_TYPE,
  APPLICATION_VERSION_TYPE,
  DEFINITION_TYPE,
  GALLERY_TYPE,
  SCRIPT_TYPE,
  VERSION_TYPE,
} from "@/lib/inventory/item";

const TYPES = [
  GALLERY_TYPE,
  DEFINITION_TYPE,
  VERSION_TYPE,
  APPLICATION_TYPE,
  APPLICATION_VERSION_TYPE,
  SCRIPT_TYPE,
  ACCESS_CONTROL_PROFILE_TYPE,
];

/**
 * The one Resource Graph query of the inventory: galleries, image definitions and versions, VM applications and
 * their versions, scripts and in-VM access control profiles of every
 * subscription asked for, projected to the columns InventoryItem needs (a page of 1,000 whole resources would
 * carry every version's publishing and storage profile). Ordered by id, so paging is stable and a gallery's
 * definitions follow it; ordered before the projection, so a page projects only its own rows. Only the KQL
 * subset the emulator documents is used, and all of it is Azure's.
 */
export const INVENTORY_QUERY = [
  "resources",
  `| where type in~ (${TYPES.map((type) => `'${type}'`).join(", ")})`,
  "| order by id asc",
  "| extend description = tostring(properties.description), osType = tostring(properties.osType),",
  "    publisher = tostring(properties.identifier.publisher), offer = tostring(properties.identifier.offer),",
  "    sku = tostring(properties.identifier.sku), provisioningState = tostring(properties.provisioningState),",
  "    sharingPermissions = tostring(properties.sharingProfile.permissions)",
  "| project id, name, type, location, subscriptionId, resourceGroup, description, osType, publisher, offer, sku, provisioningState,",
  "    sharingPermissions",
].join("\n");
