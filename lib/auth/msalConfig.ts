import { BrowserCacheLocation, type Configuration } from "@azure/msal-browser";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";
import { EMULATOR_AUTHORITY_HOST, EMULATOR_DASHBOARD_CLIENT_ID } from "@/lib/azure/wellKnown";

/** The page MSAL returns to after the identity provider; it relays the response (app/redirect). */
export const REDIRECT_PATH = "/redirect";

/** Work and school accounts of any tenant, as the Azure portal signs in. */
const EMULATOR_TENANT = "organizations";

/**
 * MSAL configuration per mode. In emulator mode the authority is https-shaped and never contacted: MSAL only
 * accepts https authorities, so the emulator's http endpoints are given as inline metadata instead
 * (see msal-local-idp.md). The first path segment after the host must stay the tenant, because MSAL rewrites it.
 */
export function msalConfiguration(config: RuntimeConfig, origin: string): Configuration {
  const common = {
    redirectUri: `${origin}${REDIRECT_PATH}`,
    postLogoutRedirectUri: `${origin}/`,
  };
  const cache = { cacheLocation: BrowserCacheLocation.LocalStorage };

  if (config.mode === "entra") {
    return { auth: { clientId: config.clientId, authority: config.authority, ...common }, cache };
  }

  const idp = `${config.emulatorUrl}/${EMULATOR_TENANT}`;
  return {
    auth: {
      clientId: EMULATOR_DASHBOARD_CLIENT_ID,
      authority: `https://${EMULATOR_AUTHORITY_HOST}/${EMULATOR_TENANT}`,
      knownAuthorities: [EMULATOR_AUTHORITY_HOST],
      authorityMetadata: JSON.stringify({
        issuer: `${idp}/v2.0`,
        authorization_endpoint: `${idp}/oauth2/v2.0/authorize`,
        token_endpoint: `${idp}/oauth2/v2.0/token`,
        end_session_endpoint: `${idp}/oauth2/v2.0/logout`,
        jwks_uri: `${idp}/discovery/v2.0/keys`,
      }),
      ...common,
    },
    cache,
  };
}
