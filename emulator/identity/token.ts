import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { originOf } from "../http.js";
import { type PublicClient, publicClient } from "./clients.js";
import { EntraError, EntraErrors } from "./entraErrors.js";
import type { GrantStore } from "./grants.js";
import { ACCESS_TOKEN_LIFETIME_SECONDS, issueAccessToken } from "./issue.js";
import { parseScopes } from "./scopes.js";
import { type SignInAudience, canSignInto, resolveTenantSegment, tokenTenantFor } from "./tenancy.js";
import { type TokenResponse, userTokenResponse } from "./tokenResponse.js";

interface GrantInput {
  ctx: EmulatorContext;
  grants: GrantStore;
  form: Record<string, string>;
  audience: SignInAudience;
  origin: string;
  /** client_secret_basic credentials, when the client sent them in the Authorization header. */
  basic?: { clientId: string; secret: string };
}

function required(form: Record<string, string>, name: string): string {
  const value = form[name];
  if (!value) throw EntraErrors.missingParameter(name);
  return value;
}

function tenantLabel(audience: SignInAudience): string {
  return audience.kind === "tenant" ? audience.tenant.tenantId : audience.segment;
}

/** A public client: known, and sending no secret (Entra refuses secrets from public clients). */
function requirePublicClient(input: GrantInput): PublicClient {
  const clientId = required(input.form, "client_id");
  const client = publicClient(clientId);
  if (!client) throw EntraErrors.unknownClient(clientId, tenantLabel(input.audience));
  if (input.form.client_secret || input.basic) throw EntraErrors.publicClientWithSecret();
  return client;
}

function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

async function authorizationCode(input: GrantInput): Promise<TokenResponse> {
  const { ctx, form } = input;
  const client = requirePublicClient(input);
  const code = required(form, "code");
  const redirectUri = required(form, "redirect_uri");
  const redemption = input.grants.redeemCode(code);
  if (redemption.status !== "ok") {
    throw { unknown: EntraErrors.invalidCode, expired: EntraErrors.codeExpired, redeemed: EntraErrors.codeRedeemed }[
      redemption.status
    ]();
  }
  const { grant } = redemption;
  if (grant.clientId !== client.clientId) throw EntraErrors.codeForOtherClient();
  if (
    input.audience.kind === "tenant" &&
    input.audience.tenant.tenantId.toLowerCase() !== grant.tenantId.toLowerCase()
  ) {
    throw EntraErrors.codeForOtherTenant();
  }
  if (grant.redirectUri !== redirectUri) throw EntraErrors.replyAddressMismatch(redirectUri, grant.redirectUri);
  const verifier = required(form, "code_verifier");
  if (s256(verifier) !== grant.codeChallenge) throw EntraErrors.codeVerifierMismatch();
  const user = ctx.directory.principal(grant.objectId);
  if (!user) throw EntraErrors.invalidCode();
  const scopes = parseScopes(form.scope || grant.scope, tenantLabel(input.audience));
  return userTokenResponse(ctx, input.grants, {
    user,
    tenantId: grant.tenantId,
    client,
    scopes,
    origin: input.origin,
    nonce: grant.nonce,
  });
}

/**
 * Refresh: a new token for whatever resource the scope names now (one resource per token), and a new refresh
 * token. At another tenant's endpoint the user gets that tenant's tokens when they are a guest there.
 */
async function refreshToken(input: GrantInput): Promise<TokenResponse> {
  const { ctx, form } = input;
  const client = requirePublicClient(input);
  const grant = input.grants.useRefreshToken(required(form, "refresh_token"));
  if (!grant) throw EntraErrors.invalidRefreshToken();
  if (grant.clientId !== client.clientId) throw EntraErrors.refreshTokenForOtherClient();
  const user = ctx.directory.principal(grant.objectId);
  if (!user) throw EntraErrors.invalidRefreshToken();
  const tenantId =
    input.audience.kind === "any" ? grant.tenantId : tokenTenantFor(ctx, user, input.audience, client.clientId);
  const scopes = parseScopes(required(form, "scope"), tenantLabel(input.audience));
  return userTokenResponse(ctx, input.grants, { user, tenantId, client, scopes, origin: input.origin });
}

/** Resource owner password credentials: seeded users only, public clients only, for tests and scripts. */
async function password(input: GrantInput): Promise<TokenResponse> {
  const { ctx, form } = input;
  const client = requirePublicClient(input);
  const username = required(form, "username");
  const secret = required(form, "password");
  const scopes = parseScopes(required(form, "scope"), tenantLabel(input.audience));
  const user = ctx.directory.userByUpn(username);
  const tenantName = input.audience.kind === "tenant" ? input.audience.tenant.displayName : input.audience.segment;
  if (!user) throw EntraErrors.userNotFound(tenantName);
  if (!user.password || !sameSecret(user.password, secret)) throw EntraErrors.invalidCredentials();
  const tenantId = tokenTenantFor(ctx, user, input.audience, client.clientId);
  return userTokenResponse(ctx, input.grants, { user, tenantId, client, scopes, origin: input.origin });
}

/** Client credentials: a service principal with its secret, for `{resource}/.default`. No refresh token, as in Entra. */
async function clientCredentials(input: GrantInput): Promise<TokenResponse> {
  const { ctx, form } = input;
  const clientId = input.basic?.clientId ?? required(form, "client_id");
  const secret = input.basic?.secret ?? form.client_secret;
  const sp = ctx.directory.servicePrincipalByAppId(clientId);
  const tenant = tenantLabel(input.audience);
  if (!sp) {
    if (publicClient(clientId)) throw EntraErrors.missingClientSecret();
    throw EntraErrors.unknownClient(clientId, tenant);
  }
  if (input.audience.kind === "tenant" && !canSignInto(ctx, sp, input.audience.tenant.tenantId)) {
    throw EntraErrors.unknownClient(clientId, tenant);
  }
  if (!secret) throw EntraErrors.missingClientSecret();
  if (!sp.secret || !sameSecret(sp.secret, secret)) throw EntraErrors.invalidClientSecret(sp.appId ?? clientId);
  const scope = required(form, "scope");
  const scopes = parseScopes(scope, tenant);
  if (!scopes.isDefault) throw EntraErrors.clientCredentialsScope(scope);
  const tenantId = input.audience.kind === "tenant" ? input.audience.tenant.tenantId : sp.tenantId;
  const accessToken = await issueAccessToken(ctx, {
    principal: sp,
    tenantId,
    audience: scopes.audience,
    clientId: sp.appId ?? clientId,
    origin: input.origin,
  });
  return {
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
  };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function basicCredentials(header: string | undefined): GrantInput["basic"] {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

// A Map, as grant_type is the caller's: an object would answer `constructor` or `toString` from its prototype.
const GRANTS = new Map<string, (input: GrantInput) => Promise<TokenResponse>>([
  ["authorization_code", authorizationCode],
  ["refresh_token", refreshToken],
  ["password", password],
  ["client_credentials", clientCredentials],
]);

/**
 * POST /{tenant}/oauth2/v2.0/token. MSAL posts a form with no custom headers, so browsers send it without a
 * preflight; the CORS stage has already allowed localhost origins. Errors are Entra's JSON bodies.
 */
export function tokenEndpoint(ctx: EmulatorContext, grants: GrantStore) {
  return async (req: FastifyRequest<{ Params: { tenant: string } }>, reply: FastifyReply) => {
    reply.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    try {
      const form = formOf(req.body);
      const audience = resolveTenantSegment(ctx, req.params.tenant);
      const grantType = required(form, "grant_type");
      const grant = GRANTS.get(grantType);
      if (!grant) throw EntraErrors.unsupportedGrantType(grantType);
      const response = await grant({
        ctx,
        grants,
        form,
        audience,
        origin: originOf(req),
        basic: basicCredentials(req.headers.authorization),
      });
      return reply.type("application/json; charset=utf-8").send(JSON.stringify(response));
    } catch (e) {
      if (!(e instanceof EntraError)) throw e;
      const correlationId = String(req.headers["client-request-id"] ?? "") || undefined;
      return reply
        .code(e.status)
        .type("application/json; charset=utf-8")
        .send(JSON.stringify(e.toBody(correlationId)));
    }
  };
}

/** The token endpoint only reads forms; anything else reads as an empty form, which fails on `grant_type`. */
function formOf(body: unknown): Record<string, string> {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const form: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === "string") form[k] = v;
  return form;
}
