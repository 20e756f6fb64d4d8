import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { ARM_AUDIENCE } from "../lib/azure/wellKnown.js";
import type { Caller } from "./caller.js";
import { RbacAuthorizer } from "./authorization/rbac.js";
import { RoleAssignmentStore } from "./authorization/roleAssignments.js";
import { createClock } from "./clock.js";
import type { EmulatorConfig } from "./config.js";
import type { EmulatorContext } from "./context.js";
import { emulatorApi } from "./emulatorApi.js";
import { FaultInjector } from "./faults/injector.js";
import { registerFaultRoutes } from "./faults/routes.js";
import { stageFaults } from "./faults/stage.js";
import { ArmError, ArmErrors } from "./errors.js";
import { TokenService } from "./identity/tokens.js";
import { OperationStore, operationRoutes } from "./operations.js";
import { armRoutes } from "./providers.js";
import { ArmRouter, type ArmRequest, type HttpMethod, normalizeArmPath } from "./router.js";
import { applySeed } from "./seed/index.js";
import { openDb } from "./store/db.js";
import { DirectoryStore } from "./store/directory.js";
import { ResourceStore } from "./store/resources.js";
import { registerIdentity } from "./identity/routes.js";
import { registerGraph } from "./graph/routes.js";
import { isLocalOrigin, originOf } from "./http.js";
import { registerCloudMetadata } from "./metadata.js";
import { listenTls } from "./tls/listener.js";
import { registerActivityLog } from "./activityLog/routes.js";
import { stageTenantBinding } from "./identity/tenantBinding.js";
import { stageAuxiliaryTokens } from "./identity/auxiliaryTokens.js";

export const REQUEST_BODY_LIMIT = 4 * 1024 * 1024;
/** What an api-version looks like when a type does not list its own: a date, perhaps a preview. */
const DATED_API_VERSION = /^(\d{4}-\d{2}-\d{2})(-(preview|alpha|beta|privatepreview))?$/i;

/** A date, perhaps a preview, and not in the future: no service publishes a version dated after today. */
function isDatedApiVersion(apiVersion: string): boolean {
  const m = DATED_API_VERSION.exec(apiVersion);
  const date = m ? Date.parse(`${m[1]}T00:00:00Z`) : Number.NaN;
  return Number.isFinite(date) && date <= Date.now();
}
const ARM_AUDIENCES = [ARM_AUDIENCE, "https://management.core.windows.net"];

declare module "fastify" {
  interface FastifyRequest {
    armRequestId: string;
    caller?: Caller;
  }
}

export interface Emulator {
  app: FastifyInstance;
  ctx: EmulatorContext;
  /** http://127.0.0.1:port once listening. */
  url: string;
  /** The HTTPS listener when `config.tls` is set: https://127.0.0.1:port and the CA file clients must trust. */
  tls?: { url: string; caCertPath: string };
  close(): Promise<void>;
}

/** Builds the emulator: state, seed, and one HTTP server answering as ARM, Entra ID and Graph. */
export async function createEmulator(config: EmulatorConfig): Promise<Emulator> {
  const db = openDb(config.dataDir);
  const clock = createClock(db, config.clockSpeed);
  const resources = new ResourceStore(db, clock);
  const directory = new DirectoryStore(db);
  const roleAssignments = new RoleAssignmentStore(resources, clock);
  const faults = new FaultInjector(db, clock);
  const ctx: EmulatorContext = {
    config,
    db,
    clock,
    resources,
    directory,
    operations: new OperationStore(db, clock, (resourceKey) => faults.holdsNewOperation(resourceKey)),
    tokens: await TokenService.open(db),
    authorizer: new RbacAuthorizer(roleAssignments, directory),
    roleAssignments,
    faults,
  };
  if (directory.isEmpty()) applySeed(ctx, config.seed);

  const router = new ArmRouter().addAll(operationRoutes).addAll(armRoutes);
  const app = buildServer(ctx, router);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const tls = config.tls ? await listenTls(app, config.dataDir, config.host, config.tlsPort) : undefined;
  return {
    app,
    ctx,
    url: `http://${config.host}:${port}`,
    tls: tls && { url: tls.url, caCertPath: tls.caCertPath },
    async close() {
      await tls?.close();
      await app.close();
      db.close();
    },
  };
}

/**
 * The request pipeline, in order: request id → CORS → api-version → authentication → tenant binding → auxiliary
 * tokens → faults → RBAC → handler → error.
 * CORS comes before api-version because browsers send preflights without query parameters or tokens.
 */
function buildServer(ctx: EmulatorContext, router: ArmRouter): FastifyInstance {
  const app = Fastify({
    bodyLimit: REQUEST_BODY_LIMIT,
    ignoreDuplicateSlashes: true,
    ignoreTrailingSlash: true,
    exposeHeadRoutes: false,
    maxParamLength: 20_000,
    return503OnClosing: false,
    // A path Fastify cannot decode (bad percent-encoding) gets ARM's error body, like every other refusal.
    frameworkErrors: (error, _req, reply) => {
      sendArmError(reply, ArmErrors.invalidRequestUri(error.message));
    },
    clientErrorHandler: answerUnparsableRequest,
  });

  app.decorateRequest("armRequestId", "");
  app.decorateRequest("caller", undefined);
  app.addHook("onRequest", stageRequestId);
  app.addHook("onRequest", stageCors);
  registerBodyParsers(app);
  app.setErrorHandler(stageError);
  app.setNotFoundHandler((req, reply) => {
    sendArmError(reply, ArmErrors.noRegisteredProvider(normalizeArmPath(req.url.split("?")[0]!)));
  });
  app.options("/*", (_req, reply) => reply.code(204).send());

  emulatorApi(app, ctx);
  registerFaultRoutes(app, ctx.faults);
  registerCloudMetadata(app);
  registerIdentity(app, ctx);
  registerGraph(app, ctx);

  app.register(async (arm) => {
    arm.addHook("onRequest", stageApiVersion);
    arm.addHook("onRequest", stageLatency(ctx));
    arm.addHook("onRequest", stageAuthentication(ctx, ARM_AUDIENCES));
    arm.addHook("onRequest", stageTenantBinding(ctx));
    arm.addHook("onRequest", stageAuxiliaryTokens(ctx, ARM_AUDIENCES));
    arm.addHook("onRequest", stageFaults(ctx.faults));
    registerActivityLog(arm, ctx);
    arm.route({
      method: ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"],
      url: "/*",
      handler: (req, reply) => stageDispatch(ctx, router, req, reply),
    });
  });
  return app;
}

async function stageRequestId(req: FastifyRequest, reply: FastifyReply) {
  req.armRequestId = String(req.headers["x-ms-client-request-id"] ?? "").slice(0, 64) || randomUUID();
  const id = randomUUID();
  reply.header("x-ms-request-id", id);
  reply.header("x-ms-correlation-request-id", req.headers["x-ms-correlation-request-id"] ?? id);
  if (req.headers["x-ms-client-request-id"]) reply.header("x-ms-client-request-id", req.armRequestId);
}

const EXPOSED_HEADERS = [
  "Location",
  "Azure-AsyncOperation",
  "Retry-After",
  "x-ms-request-id",
  "x-ms-correlation-request-id",
  "x-ms-client-request-id",
  "WWW-Authenticate",
  // Resource Graph's per-user quota, so the dashboard can pace its queries.
  "x-ms-user-quota-remaining",
  "x-ms-user-quota-resets-after",
].join(", ");

async function stageCors(req: FastifyRequest, reply: FastifyReply) {
  const origin = req.headers.origin;
  if (!origin || !isLocalOrigin(origin)) return;
  reply.header("Access-Control-Allow-Origin", origin);
  reply.header("Vary", "Origin");
  reply.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  reply.header("Access-Control-Allow-Credentials", "true");
  if (req.method === "OPTIONS") {
    reply.header("Access-Control-Allow-Methods", "GET, PUT, PATCH, POST, DELETE, HEAD, OPTIONS");
    reply.header(
      "Access-Control-Allow-Headers",
      req.headers["access-control-request-headers"] ?? "Authorization, Content-Type, ConsistencyLevel, x-ms-client-request-id",
    );
    reply.header("Access-Control-Max-Age", "600");
    return reply.code(204).send();
  }
}

function apiVersionOf(req: FastifyRequest): string | undefined {
  const q = req.query as Record<string, unknown>;
  const entry = Object.entries(q).find(([k]) => k.toLowerCase() === "api-version");
  const v = entry?.[1];
  return Array.isArray(v) ? String(v[0]) : typeof v === "string" ? v : undefined;
}

async function stageApiVersion(req: FastifyRequest) {
  if (!apiVersionOf(req)) throw ArmErrors.missingApiVersion();
}

function stageLatency(ctx: EmulatorContext) {
  return async () => {
    if (ctx.config.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.config.latencyMs));
  };
}

/** Verifies the bearer token and resolves the caller, with ARM's 401 errors and WWW-Authenticate challenge. */
export function stageAuthentication(ctx: EmulatorContext, audiences: readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const challenge = (error?: string) =>
      reply.header(
        "WWW-Authenticate",
        `Bearer authorization_uri="${originOf(req)}/organizations", error="${error ?? "invalid_token"}", error_description="The authentication failed because of missing 'Authorization' header."`,
      );
    const header = req.headers.authorization;
    if (!header) {
      challenge();
      throw ArmErrors.missingAuthorization();
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      challenge();
      throw ArmErrors.invalidAuthorizationHeader();
    }
    const check = await ctx.tokens.verify(m[1]!, audiences);
    if (!check.ok) {
      challenge();
      switch (check.reason) {
        case "expired":
          throw ArmErrors.expiredToken(check.expiredAt ?? new Date(0), new Date());
        case "audience":
          throw ArmErrors.wrongAudience(check.audience, audiences.map((a) => `${a}/`));
        case "issuer":
          throw ArmErrors.invalidIssuer(check.issuer);
        case "signature":
          throw ArmErrors.invalidToken("The signature of the token could not be validated.");
        default:
          throw ArmErrors.invalidToken("The token is malformed or not yet valid.");
      }
    }
    const c = check.claims;
    const principal = ctx.directory.principal(c.oid);
    if (!principal) throw ArmErrors.invalidToken(`The principal '${c.oid}' of the token does not exist in the directory.`);
    req.caller = {
      objectId: principal.objectId,
      tenantId: c.tid,
      kind: principal.kind === "ServicePrincipal" ? "ServicePrincipal" : "User",
      clientName: principal.kind === "ServicePrincipal" ? (principal.appId ?? c.appid) : (principal.upn ?? c.oid),
      appId: c.appid,
      upn: principal.upn,
      displayName: principal.displayName,
    };
  };
}

async function stageDispatch(ctx: EmulatorContext, router: ArmRouter, req: FastifyRequest, reply: FastifyReply) {
  const [rawPath, rawQuery = ""] = req.url.split("?", 2) as [string, string?];
  const path = normalizeArmPath(rawPath);
  const { route, params } = router.match(req.method, path);
  const apiVersion = apiVersionOf(req)!;
  if (route.apiVersions && !route.apiVersions.includes(apiVersion)) {
    throw ArmErrors.invalidApiVersion(apiVersion, route.resourceType, route.apiVersions);
  }
  if (!route.apiVersions && !isDatedApiVersion(apiVersion)) throw ArmErrors.malformedApiVersion(apiVersion);
  const caller = req.caller!;
  if (route.action) {
    const scope = route.scope ? route.scope(params, path) : path;
    const allowed = route.listsBeneath
      ? ctx.authorizer.isAllowedAtOrBeneath(caller, route.action, scope)
      : ctx.authorizer.isAllowed(caller, route.action, scope);
    if (!allowed) throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, route.action, scope);
  }
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) if (!(k in query)) query[k] = v;
  const armRequest: ArmRequest = {
    method: req.method as HttpMethod,
    path,
    params,
    query,
    body: req.body,
    headers: req.headers,
    apiVersion,
    caller,
    origin: originOf(req),
    requestId: req.armRequestId,
    ctx,
  };
  const res = await inTransaction(ctx, () => route.handler(armRequest));
  for (const [k, v] of Object.entries(res.headers ?? {})) reply.header(k, v);
  reply.code(res.status);
  if (res.body === undefined || req.method === "HEAD") return reply.send();
  return reply.type("application/json; charset=utf-8").send(JSON.stringify(res.body));
}

/**
 * Runs a handler in one transaction, so the reply goes out only after its writes committed and a handler that
 * throws half-way leaves nothing behind. better-sqlite3 transactions cannot span an await: an async handler's
 * synchronous start is covered, and what it does after awaiting commits statement by statement.
 */
async function inTransaction<T>(ctx: EmulatorContext, run: () => T | Promise<T>): Promise<T> {
  const outcome = ctx.db.transaction((): { done: T } | { pending: Promise<T> } => {
    const result = run();
    return result instanceof Promise ? { pending: result } : { done: result };
  })();
  return "pending" in outcome ? await outcome.pending : outcome.done;
}

/**
 * A request Node's HTTP parser refuses (request line or headers over its 16 KB limit, malformed framing) never
 * reaches Fastify; it still gets ARM's error body, then the connection is closed as the parser cannot go on.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const err =
    error.code === "HPE_HEADER_OVERFLOW"
      ? ArmErrors.requestHeadersTooLarge()
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? ArmErrors.requestTimeout()
        : ArmErrors.badRequest("The request could not be parsed as HTTP.");
  const body = JSON.stringify(err.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function sendArmError(reply: FastifyReply, err: ArmError) {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply.code(err.status).type("application/json; charset=utf-8").send(JSON.stringify(err.toBody()));
}

/** Turns whatever a stage threw into ARM's error body; only ArmErrors keep their meaning. */
function stageError(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ArmError) return sendArmError(reply, error);
  const e = error as { code?: string; statusCode?: number; message?: string };
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return sendArmError(reply, ArmErrors.requestTooLarge(REQUEST_BODY_LIMIT));
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return sendArmError(reply, ArmErrors.unsupportedMediaType(String(req.headers["content-type"] ?? "")));
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return sendArmError(reply, ArmErrors.invalidRequestContent(e.message ?? "invalid content"));
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return sendArmError(reply, ArmErrors.badRequest(e.message ?? "Bad request"));
  }
  req.log.error(error);
  console.error(`[emulator] request ${req.armRequestId} failed:`, error);
  return sendArmError(reply, ArmErrors.internal(req.armRequestId));
}

/**
 * JSON as ARM parses it (any content type that carries a body is read as JSON, as ARM clients sometimes omit
 * it), and form posts for the identity endpoints.
 */
function registerBodyParsers(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  const parseJson = (_req: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => {
    if (body.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(body));
    } catch (e) {
      done(ArmErrors.invalidRequestContent((e as Error).message));
    }
  };
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (req, body, done) => parseJson(req, body as string, done));
}
