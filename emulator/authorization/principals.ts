import type { Principal } from "../store/directory.js";

/**
 * Whether a directory object is visible in a tenant's directory: its home tenant, or a tenant that invited it
 * as a guest (B2B) or where its multi-tenant app has a service principal. Guest memberships are listed in the
 * principal's `extra.guestTenantIds`, which the seed fills; Graph and role assignment validation both ask here.
 */
export function isInTenant(principal: Principal, tenantId: string): boolean {
  const t = tenantId.toLowerCase();
  if (principal.tenantId.toLowerCase() === t) return true;
  const guests = principal.extra?.guestTenantIds;
  return Array.isArray(guests) && guests.some((g) => typeof g === "string" && g.toLowerCase() === t);
}

/** `00000000-0000-0000-0000-000000000000` in any case, as ARM and Graph require for object ids and names. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
