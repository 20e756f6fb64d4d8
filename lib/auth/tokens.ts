import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

export class SignInRequiredError extends Error {
  override name = "SignInRequiredError";
}

/** The identity provider wants the user to sign in or consent, and the caller asked for no redirect. */
export class InteractionRequiredError extends Error {
  override name = "InteractionRequiredError";
}

/**
 * Silent first (cache, then refresh token), interactive only when the identity provider demands it. The
 * interactive path is a redirect, so the returned promise never settles: the page is navigating away. With
 * `interactive: false` (a form that must keep what was typed) it throws InteractionRequiredError instead.
 */
export async function acquireAccessToken(
  instance: IPublicClientApplication,
  scopes: string[],
  tenant?: TokenTenant,
  { interactive = true }: { interactive?: boolean } = {},
): Promise<AccessToken> {
  const signedIn: AccountInfo | null = instance.getActiveAccount() ?? instance.getAllAccounts()[0] ?? null;
  if (!signedIn) throw new SignInRequiredError("Sign in to call Azure.");
  // MSAL looks tokens up by the account's tenant: another tenant needs that tenant's profile of the account
  // (or, before its first token there, the account re-addressed to it) and that tenant's authority.
  const account = tenant ? accountInTenant(instance, signedIn, tenant.tenantId) : signedIn;
  const authority = tenant ? { authority: tenant.authority } : {};
  try {
    const result = await instance.acquireTokenSilent({ scopes, account, ...authority });
    return {
      token: result.accessToken,
      expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
    };
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError && !interactive) {
      throw new InteractionRequiredError(
        `Azure wants you to sign in again or consent to ${scopes.join(" ")}: ${error.errorMessage || error.message}`,
      );
    }
    if (error instanceof InteractionRequiredAuthError) {
      await instance.acquireTokenRedirect({ scopes, account, ...authority });
      return new Promise<AccessToken>(() => {});
    }
    throw error;
  }
}

/** The tenant tokens are for, and the authority that issues them (see lib/auth/tenantSelection). */
export interface TokenTenant {
  tenantId: string;
  authority: string;
}

function accountInTenant(instance: IPublicClientApplication, account: AccountInfo, tenantId: string): AccountInfo {
  if (account.tenantId.toLowerCase() === tenantId.toLowerCase()) return account;
  return instance.getAccount({ homeAccountId: account.homeAccountId, tenantId }) ?? { ...account, tenantId };
}

/**
 * Lets the Azure SDK ask MSAL for tokens; the SDK decides the scopes (one resource per token). Without a tenant,
 * tokens are for the tenant of the active account.
 */
export function msalCredential(instance: IPublicClientApplication, tenant?: TokenTenant): TokenCredential {
  return {
    getToken: (scopes) => acquireAccessToken(instance, Array.isArray(scopes) ? scopes : [scopes], tenant),
  };
}
