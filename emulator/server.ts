import Fastify, { type FastifyInstance } from "fastify";
import { ActivityLogStore } from "./activityLog/store.js";
import { RbacAuthorizer } from "./authorization/rbac.js";
import { RoleAssignmentStore } from "./authorization/roleAssignments.js";
import { createClock } from "./clock.js";
import type { EmulatorConfig } from "./config.js";
import type { EmulatorContext } from "./context.js";
import { emulatorApi } from "./emulatorApi.js";
import { FaultInjector } from "./faults/injector.js";
import { registerFaultRoutes } from "./faults/routes.js";
import { registerPolicyViolationRoutes } from "./compute/galleryImageVersions/policyViolations.routes.js";
import { registerVhdBlobRoutes } from "./storage/vhdBlobs.routes.js";
import { ArmErrors } from "./errors.js";
import { TokenService } from "./identity/tokens.js";
import { OperationStore, operationRoutes } from "./operations.js";
import { stageActivityLog } from "./pipeline/activityLog.js";
import { stageApiVersion, stageRouteApiVersion } from "./pipeline/apiVersion.js";
import { ARM_AUDIENCES, stageAuthentication } from "./pipeline/authentication.js";
import { REQUEST_BODY_LIMIT, registerBodyParsers } from "./pipeline/body.js";
import { stageCors } from "./pipeline/cors.js";
import { stageDispatch } from "./pipeline/dispatch.js";
import { answerUnparsableRequest, sendArmError, stageError, stageNotFound } from "./pipeline/errors.js";
import { stageFaults } from "./pipeline/faults.js";
import { stageLatency } from "./pipeline/latency.js";
import { stageRbac } from "./pipeline/rbac.js";
import { stageRequestId } from "./pipeline/requestId.js";
import { stageRouting } from "./pipeline/routing.js";
import { armRoutes } from "./providers.js";
import { ResourceGraphState } from "./resourceGraph/state.js";
import { ArmRouter } from "./router.js";
import { applySeed } from "./seed/index.js";
import { openDb } from "./store/db.js";
import { DirectoryStore } from "./store/directory.js";
import { ResourceStore } from "./store/resources.js";
import { registerIdentity } from "./identity/routes.js";
import { registerGraph } from "./graph/routes.js";
import { registerCloudMetadata } from "./metadata.js";
import { listenTls } from "./tls/listener.js";
import { stageControlSurface, stageJsonBody } from "./http/mediaTypes.js";
import { stageTenantBinding } from "./identity/tenantBinding.js";
import { stageAuxiliaryTokens } from "./identity/auxiliaryTokens.js";

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
  const authorizer = new RbacAuthorizer(roleAssignments, directory);
  const ctx: EmulatorContext = {
    config,
    db,
    clock,
    resources,
    directory,
    operations: new OperationStore(db, clock, (resourceKey) => faults.holdsNewOperation(resourceKey)),
    tokens: await TokenService.open(db),
    authorizer,
    roleAssignments,
    faults,
    activityLog: new ActivityLogStore(db),
    resourceGraph: new ResourceGraphState(
      { db, resources, directory, authorizer, roleAssignments },
      config.resourceGraphQuota,
    ),
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
 * The request pipeline, every stage by name, in order (each in emulator/pipeline/):
 * request id → CORS → [ARM: JSON only → api-version → latency → authentication → tenant binding →
 * auxiliary tokens → faults → body → routing → route api-version → RBAC → dispatch → activity log] → error. The identity endpoints alone read forms; the control
 * surface (/_emulator) takes only JSON from this machine.
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
  app.decorateRequest("armRoute", undefined);
  app.addHook("onRequest", stageRequestId);
  app.addHook("onRequest", stageCors);
  registerBodyParsers(app);
  app.setErrorHandler(stageError);
  app.setNotFoundHandler(stageNotFound);
  app.options("/*", (_req, reply) => reply.code(204).send());

  app.register(async (control) => {
    control.addHook("onRequest", stageControlSurface);
    emulatorApi(control, ctx);
    registerFaultRoutes(control, ctx.faults);
    registerPolicyViolationRoutes(control, ctx);
    registerVhdBlobRoutes(control, ctx);
  });
  registerCloudMetadata(app);
  registerIdentity(app, ctx);
  registerGraph(app, ctx);

  app.register(async (arm) => {
    arm.addHook("onRequest", stageJsonBody);
    arm.addHook("onRequest", stageApiVersion);
    arm.addHook("onRequest", stageLatency(ctx));
    arm.addHook("onRequest", stageAuthentication(ctx, ARM_AUDIENCES));
    arm.addHook("onRequest", stageTenantBinding(ctx));
    arm.addHook("onRequest", stageAuxiliaryTokens(ctx, ARM_AUDIENCES));
    arm.addHook("onRequest", stageFaults(ctx.faults));
    arm.addHook("preHandler", stageRouting(router));
    arm.addHook("preHandler", stageRouteApiVersion);
    arm.addHook("preHandler", stageRbac(ctx));
    arm.addHook("onSend", stageActivityLog(ctx));
    arm.route({
      method: ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"],
      url: "/*",
      handler: stageDispatch(ctx),
    });
  });
  return app;
}
