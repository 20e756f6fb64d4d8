import type { FastifyReply, FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { originOf } from "../http.js";
import type { Principal } from "../store/directory.js";
import { type PublicClient, isAllowedRedirectUri, publicClient } from "./clients.js";
import { EntraError, EntraErrors } from "./entraErrors.js";
import type { GrantStore } from "./grants.js";
import { errorPage, formPostPage, signInPage } from "./pages.js";
import { parseScopes } from "./scopes.js";
import { readSession, startSession } from "./session.js";
import { type SignInAudience, resolveTenantSegment, signInChoices, tokenTenantFor } from "./tenancy.js";
import { clientInfo } from "./tokenResponse.js";

type ResponseMode = "query" | "fragment" | "form_post";

/** Where and how the answer goes back to the app, once the client and its redirect URI are trusted. */
interface ReplyChannel {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

interface AuthorizeRequest extends ReplyChannel {
  audience: SignInAudience;
  client: PublicClient;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  prompt?: string;
  loginHint?: string;
  /** The request's parameters, carried through the sign-in page's forms. */
  params: Record<string, string>;
}

/** An error that goes back to the app's redirect URI (the client and redirect URI were valid). */
class ReplyError extends Error {
  constructor(
    readonly channel: ReplyChannel,
    readonly entra: EntraError,
  ) {
    super(entra.message);
  }
}

/** Fields of the sign-in page itself, not of the OAuth request. */
const PAGE_FIELDS = new Set(["login_upn", "username", "password"]);

function readParams(source: unknown): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries((source ?? {}) as Record<string, unknown>)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === "string" && !PAGE_FIELDS.has(k)) params[k] = value;
  }
  return params;
}

/**
 * Validates in Entra's order: tenant, client and redirect URI first (failures there show an error page, since
 * the app cannot be trusted to receive them), then the rest, whose failures go back to the app.
 */
function validate(ctx: EmulatorContext, tenantSegment: string, params: Record<string, string>): AuthorizeRequest {
  const audience = resolveTenantSegment(ctx, tenantSegment);
  const clientId = params.client_id;
  if (!clientId) throw EntraErrors.missingParameter("client_id");
  const client = publicClient(clientId);
  if (!client) throw EntraErrors.unknownClient(clientId, tenantSegment);
  const redirectUri = params.redirect_uri;
  if (!redirectUri) throw EntraErrors.missingParameter("redirect_uri");
  if (!isAllowedRedirectUri(client, redirectUri)) throw EntraErrors.redirectUriMismatch(redirectUri, client.clientId);
  const responseMode = params.response_mode ?? "query";
  if (responseMode !== "query" && responseMode !== "fragment" && responseMode !== "form_post") {
    throw EntraErrors.unsupportedResponseMode(responseMode);
  }
  const channel: ReplyChannel = { redirectUri, responseMode, state: params.state };
  const fail = (e: EntraError) => new ReplyError(channel, e);

  if (!params.response_type) throw fail(EntraErrors.missingParameter("response_type"));
  if (params.response_type !== "code") throw fail(EntraErrors.unsupportedResponseType(params.response_type));
  if (!params.scope) throw fail(EntraErrors.missingParameter("scope"));
  try {
    parseScopes(params.scope, tenantSegment);
  } catch (e) {
    throw e instanceof EntraError ? fail(e) : e;
  }
  if (!params.code_challenge) throw fail(EntraErrors.pkceRequired());
  const method = params.code_challenge_method ?? "plain";
  if (method !== "S256") throw fail(EntraErrors.unsupportedChallengeMethod(method));
  return {
    ...channel,
    audience,
    client,
    scope: params.scope,
    codeChallenge: params.code_challenge,
    nonce: params.nonce,
    prompt: params.prompt?.toLowerCase(),
    loginHint: params.login_hint,
    params,
  };
}

function replyToApp(reply: FastifyReply, channel: ReplyChannel, response: Record<string, string>) {
  const params = { ...response, ...(channel.state !== undefined ? { state: channel.state } : {}) };
  if (channel.responseMode === "form_post") {
    return reply.type("text/html; charset=utf-8").send(formPostPage(channel.redirectUri, params));
  }
  const url = new URL(channel.redirectUri);
  const encoded = new URLSearchParams(params);
  if (channel.responseMode === "fragment") url.hash = encoded.toString();
  else encoded.forEach((value, key) => url.searchParams.append(key, value));
  return reply.redirect(url.toString(), 302);
}

function replyError(reply: FastifyReply, channel: ReplyChannel, error: EntraError) {
  const body = error.toBody();
  return replyToApp(reply, channel, {
    error: error.error,
    error_description: body.error_description,
    error_uri: body.error_uri,
  });
}

/** Signs the user in: a one-time code for the app, and the browser session for later silent sign-ins. */
async function completeSignIn(
  ctx: EmulatorContext,
  grants: GrantStore,
  req: FastifyRequest,
  reply: FastifyReply,
  request: AuthorizeRequest,
  user: Principal,
) {
  const tenantId = tokenTenantFor(ctx, user, request.audience, request.client.clientId);
  const code = grants.issueCode({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scope: request.scope,
    nonce: request.nonce,
    objectId: user.objectId,
    tenantId,
  });
  await startSession(ctx, reply, {
    tenantSegment: request.audience.segment,
    session: { objectId: user.objectId, tenantId },
    origin: originOf(req),
  });
  return replyToApp(reply, request, { code, client_info: clientInfo(user) });
}

/** The signed-in user of this tenant's session, when they may still sign in there. */
async function sessionUser(
  ctx: EmulatorContext,
  req: FastifyRequest,
  request: AuthorizeRequest,
): Promise<Principal | undefined> {
  const session = await readSession(ctx, req, request.audience.segment);
  const user = session && ctx.directory.principal(session.objectId);
  if (!user) return undefined;
  try {
    tokenTenantFor(ctx, user, request.audience, request.client.clientId);
    return user;
  } catch {
    return undefined;
  }
}

function showPage(
  ctx: EmulatorContext,
  req: FastifyRequest,
  reply: FastifyReply,
  request: AuthorizeRequest,
  error?: string,
) {
  const page = signInPage({
    action: req.url.split("?")[0]!,
    client: request.client,
    choices: signInChoices(ctx, request.audience),
    params: request.params,
    loginHint: request.loginHint,
    error,
  });
  return reply.type("text/html; charset=utf-8").header("Cache-Control", "no-store").send(page);
}

async function handle(
  ctx: EmulatorContext,
  reply: FastifyReply,
  params: Record<string, string>,
  tenantSegment: string,
  step: (request: AuthorizeRequest) => Promise<unknown>,
) {
  let request: AuthorizeRequest;
  try {
    request = validate(ctx, tenantSegment, params);
  } catch (e) {
    if (e instanceof ReplyError) return replyError(reply, e.channel, e.entra);
    if (e instanceof EntraError) {
      return reply.code(400).type("text/html; charset=utf-8").send(errorPage(e.message));
    }
    throw e;
  }
  return step(request);
}

/**
 * GET /{tenant}/oauth2/v2.0/authorize. With a session (or a login_hint naming a user who may sign in) and no
 * `prompt=login|select_account`, it answers at once; `prompt=none` never shows the page.
 */
export function authorizeGet(ctx: EmulatorContext, grants: GrantStore) {
  return (req: FastifyRequest<{ Params: { tenant: string } }>, reply: FastifyReply) =>
    handle(ctx, reply, readParams(req.query), req.params.tenant, async (request) => {
      const current = await sessionUser(ctx, req, request);
      const hint = request.loginHint?.toLowerCase();
      const sessionFits = current && (!hint || current.upn?.toLowerCase() === hint);
      if (request.prompt === "none") {
        return sessionFits
          ? completeSignIn(ctx, grants, req, reply, request, current)
          : replyError(reply, request, EntraErrors.loginRequired());
      }
      if (request.prompt === "login" || request.prompt === "select_account") return showPage(ctx, req, reply, request);
      if (sessionFits) return completeSignIn(ctx, grants, req, reply, request, current);
      const hinted = hint ? ctx.directory.userByUpn(hint) : undefined;
      if (hinted) {
        try {
          return await completeSignIn(ctx, grants, req, reply, request, hinted);
        } catch (e) {
          if (e instanceof EntraError) return showPage(ctx, req, reply, request, e.message);
          throw e;
        }
      }
      return showPage(ctx, req, reply, request);
    });
}

/** POST /{tenant}/oauth2/v2.0/authorize: the sign-in page's choice (one click, or username and password). */
export function authorizePost(ctx: EmulatorContext, grants: GrantStore) {
  return (
    req: FastifyRequest<{ Params: { tenant: string }; Body: Record<string, string> | undefined }>,
    reply: FastifyReply,
  ) =>
    handle(ctx, reply, readParams(req.body), req.params.tenant, async (request) => {
      const body = req.body ?? {};
      const tenantName =
        request.audience.kind === "tenant" ? request.audience.tenant.displayName : request.audience.segment;
      try {
        let user: Principal | undefined;
        if (body.login_upn) {
          user = ctx.directory.userByUpn(body.login_upn);
          if (!user) throw EntraErrors.userNotFound(tenantName);
        } else {
          if (!body.username) throw EntraErrors.missingParameter("username");
          user = ctx.directory.userByUpn(body.username);
          if (!user) throw EntraErrors.userNotFound(tenantName);
          if (!body.password || body.password !== user.password) throw EntraErrors.invalidCredentials();
        }
        return await completeSignIn(ctx, grants, req, reply, request, user);
      } catch (e) {
        if (e instanceof EntraError) return showPage(ctx, req, reply, request, e.message);
        throw e;
      }
    });
}
