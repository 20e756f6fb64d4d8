import type { EmulatorContext } from "../context.js";
import type { Principal } from "../store/directory.js";
import type { PublicClient } from "./clients.js";
import {
  type GrantStore,
  NATIVE_REFRESH_TOKEN_LIFETIME_SECONDS,
  SPA_REFRESH_TOKEN_LIFETIME_SECONDS,
} from "./grants.js";
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken, issuerFor } from "./issue.js";
import type { ScopeRequest } from "./scopes.js";

export interface TokenResponse {
  token_type: "Bearer";
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}

/** MSAL's account key: the user's object id and home tenant, base64url JSON, as Entra sends it. */
export function clientInfo(user: Principal): string {
  return Buffer.from(JSON.stringify({ uid: user.objectId, utid: user.tenantId })).toString("base64url");
}

/** The reply of every user grant: an access token for the one resource asked, a new refresh token, an id_token for `openid`. */
export async function userTokenResponse(
  ctx: EmulatorContext,
  grants: GrantStore,
  input: {
    user: Principal;
    tenantId: string;
    client: PublicClient;
    scopes: ScopeRequest;
    origin: string;
    nonce?: string;
  },
): Promise<TokenResponse> {
  const { user, tenantId, client, scopes, origin } = input;
  const accessToken = await issueAccessToken(ctx, {
    principal: user,
    tenantId,
    audience: scopes.audience,
    clientId: client.clientId,
    scopes: scopes.scp,
    origin,
  });
  const refreshLifetime =
    client.kind === "spa" ? SPA_REFRESH_TOKEN_LIFETIME_SECONDS : NATIVE_REFRESH_TOKEN_LIFETIME_SECONDS;
  const refreshToken = grants.issueRefreshToken(
    { clientId: client.clientId, objectId: user.objectId, tenantId },
    refreshLifetime,
  );
  return {
    token_type: "Bearer",
    scope: scopes.requested.join(" "),
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    refresh_token: refreshToken,
    ...(client.kind === "spa" ? { refresh_token_expires_in: refreshLifetime } : {}),
    ...(scopes.openid
      ? { id_token: await idToken(ctx, { user, tenantId, clientId: client.clientId, origin, nonce: input.nonce }) }
      : {}),
    client_info: clientInfo(user),
  };
}

/** The id_token: who signed in, for the client (aud = client id), echoing the nonce of the sign-in request. */
export function idToken(
  ctx: EmulatorContext,
  input: { user: Principal; tenantId: string; clientId: string; origin: string; nonce?: string },
): Promise<string> {
  const { user } = input;
  return ctx.tokens.sign(
    {
      aud: input.clientId,
      iss: issuerFor(input.origin, input.tenantId),
      sub: user.objectId,
      oid: user.objectId,
      tid: input.tenantId,
      name: user.displayName,
      preferred_username: user.upn,
      email: user.mail,
      ...(input.nonce ? { nonce: input.nonce } : {}),
      ver: "2.0",
    },
    ACCESS_TOKEN_LIFETIME_SECONDS,
  );
}
