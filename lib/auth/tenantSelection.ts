import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import type { TokenTenant } from "@/lib/auth/tokens";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";
import { EMULATOR_AUTHORITY_HOST } from "@/lib/azure/wellKnown";

/**
 * The tenant the dashboard works in, per signed-in account: a user with access in several tenants (a guest
 * elsewhere) picks one, and ARM only answers for the tenant its token was issued for. Kept in localStorage so a
 * reload or a bookmark stays in the chosen tenant; keyed by MSAL's home account id so another user is unaffected.
 */
const STORAGE_KEY = "gallerist.selectedTenant";

function readAll(storage: Storage): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function selectedTenantOf(storage: Storage, homeAccountId: string): string | undefined {
  return readAll(storage)[homeAccountId];
}

export function selectTenant(storage: Storage, homeAccountId: string, tenantId: string | undefined): void {
  const all = readAll(storage);
  if (tenantId) all[homeAccountId] = tenantId;
  else delete all[homeAccountId];
  storage.setItem(STORAGE_KEY, JSON.stringify(all));
}

/**
 * The authority that issues tokens for one tenant: Entra's `https://login.microsoftonline.com/{tenant}` (the
 * configured host and cloud), or the emulator's never-contacted `https://login.emulator.local/{tenant}` whose
 * endpoints MSAL derives from the inline metadata by swapping the tenant segment.
 */
export function authorityForTenant(config: RuntimeConfig, tenantId: string): string {
  if (config.mode === "emulator") return `https://${EMULATOR_AUTHORITY_HOST}/${tenantId}`;
  const url = new URL(config.authority);
  return `${url.origin}/${tenantId}`;
}

/** The account's home tenant: MSAL's home account id is `{objectId}.{tenantId}` of the home tenant. */
export function homeTenantOf(account: AccountInfo): string {
  return account.homeAccountId.split(".")[1] ?? account.tenantId;
}

/**
 * The tenant the account works in and its authority: the one picked in the tenant switcher, else the home tenant.
 * Undefined when nobody is signed in (tokens then come from the configured authority).
 */
export function workingTenant(
  config: RuntimeConfig,
  storage: Storage,
  account: AccountInfo | null,
): TokenTenant | undefined {
  if (!account) return undefined;
  const tenantId = selectedTenantOf(storage, account.homeAccountId) ?? homeTenantOf(account);
  return tenantId ? { tenantId, authority: authorityForTenant(config, tenantId) } : undefined;
}

/**
 * Makes the account's profile in the tenant the active account, when MSAL already holds one (after the first
 * token from that tenant), so the header and the caller's object id (a guest's differs per tenant) match it.
 */
export function activateTenantProfile(
  instance: IPublicClientApplication,
  account: AccountInfo,
  tenantId: string,
): void {
  if (account.tenantId.toLowerCase() === tenantId.toLowerCase()) return;
  const profile = instance.getAccount({ homeAccountId: account.homeAccountId, tenantId });
  if (profile) instance.setActiveAccount(profile);
}
