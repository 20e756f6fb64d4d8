import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";

/**
 * The CLI's credential: `@azure/identity`'s DefaultAzureCredential against Azure; against the emulator's loopback
 * http endpoint, a service principal from the variables EnvironmentCredential reads (AZURE_TENANT_ID,
 * AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST), which is how a pipeline reaches the emulator.
 */

type Env = Record<string, string | undefined>;

const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
  } catch {
    return false;
  }
}

/**
 * The dashboard asks for ARM's delegated `user_impersonation` scope; an application (and the Azure CLI) asks for
 * `/.default`, which is what Entra accepts for client credentials.
 */
export function withDefaultScope(credential: TokenCredential): TokenCredential {
  return {
    getToken: (scopes: string | string[], options?: GetTokenOptions) => {
      const list = (Array.isArray(scopes) ? scopes : [scopes]).map((scope) => `${new URL(scope).origin}/.default`);
      return credential.getToken([...new Set(list)], options);
    },
  };
}

/** Client credentials against `{authorityHost}/{tenant}/oauth2/v2.0/token`; the token is kept until near expiry. */
export function servicePrincipalCredential(
  options: { tenantId: string; clientId: string; clientSecret: string; authorityHost?: string },
  fetchImpl: typeof fetch = fetch,
): TokenCredential {
  const cache = new Map<string, AccessToken>();
  return {
    async getToken(scopes) {
      const scope = (Array.isArray(scopes) ? scopes : [scopes]).join(" ");
      const cached = cache.get(scope);
      if (cached && cached.expiresOnTimestamp - Date.now() > 60_000) return cached;
      const authority = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "");
      const response = await fetchImpl(`${authority}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: options.clientId,
          client_secret: options.clientSecret,
          scope,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        access_token?: string;
        expires_in?: number;
        error?: string;
        error_description?: string;
      };
      if (!response.ok || !body.access_token)
        throw new Error(
          `Sign-in as ${options.clientId} failed: ${body.error ?? response.status} ${body.error_description ?? ""}`.trim(),
        );
      const token = { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in ?? 3600) * 1000 };
      cache.set(scope, token);
      return token;
    },
  };
}

/**
 * DefaultAzureCredential (environment service principal, workload or managed identity, Azure CLI login), except
 * when AZURE_AUTHORITY_HOST is the emulator's plain-http loopback endpoint: MSAL refuses an http authority and asks
 * Azure's instance discovery first, so there the environment's service principal signs in with client credentials.
 */
export async function defaultCredential(env: Env = process.env): Promise<TokenCredential> {
  const authorityHost = env.AZURE_AUTHORITY_HOST;
  if (!authorityHost || !isLoopbackHttp(authorityHost)) {
    const { DefaultAzureCredential } = await import("@azure/identity");
    return withDefaultScope(new DefaultAzureCredential(authorityHost ? { authorityHost } : {}));
  }
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: clientSecret } = env;
  if (!tenantId || !clientId || !clientSecret)
    throw new Error(
      "No credential for the emulator: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal).",
    );
  return withDefaultScope(
    servicePrincipalCredential({
      tenantId,
      clientId,
      clientSecret,
      ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
    }),
  );
}
