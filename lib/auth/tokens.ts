import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

export class SignInRequiredError extends Error {
  override name = "SignInRequiredError";
}

/**
 * Silent first (cache, then refresh token), interactive only when the identity provider demands it. The
 * interactive path is a redirect, so the returned promise never settles: the page is navigating away.
 */
export async function acquireAccessToken(
  instance: IPublicClientApplication,
  scopes: string[],
  authority?: string,
): Promise<AccessToken> {
  const account: AccountInfo | null = instance.getActiveAccount() ?? instance.getAllAccounts()[0] ?? null;
  if (!account) throw new SignInRequiredError("Sign in to call Azure.");
  // Without an authority MSAL uses the configured one: the home tenant. Another tenant needs its own authority.
  const tenant = authority ? { authority } : {};
  try {
    const result = await instance.acquireTokenSilent({ scopes, account, ...tenant });
    return {
      token: result.accessToken,
      expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
    };
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) {
      await instance.acquireTokenRedirect({ scopes, account, ...tenant });
      return new Promise<AccessToken>(() => {});
    }
    throw error;
  }
}

/**
 * Lets the Azure SDK ask MSAL for tokens; the SDK decides the scopes (one resource per token). `authority`
 * names the tenant the tokens are for when it is not the user's home tenant (see lib/auth/tenantSelection).
 */
export function msalCredential(instance: IPublicClientApplication, authority?: string): TokenCredential {
  return {
    getToken: (scopes) => acquireAccessToken(instance, Array.isArray(scopes) ? scopes : [scopes], authority),
  };
}
