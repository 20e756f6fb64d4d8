import type { FastifyInstance } from "fastify";
import { LATEST_CLOCK_TIME } from "./clock.js";
import type { EmulatorContext } from "./context.js";

/** Far beyond any replication or operation a test waits for, and far inside the dates ARM can write. */
const MAX_ADVANCE_SECONDS = 100 * 365.25 * 24 * 3600;

/**
 * The emulator's own control surface (not an Azure API): readiness, the seeded development identities, and the
 * clock tests move to finish replications and long-running operations.
 */
export function emulatorApi(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/_emulator/health", async () => ({ status: "ok", seed: ctx.config.seed }));

  app.get("/_emulator/info", async () => {
    const { directory } = ctx;
    return {
      tenants: directory.tenants(),
      subscriptions: directory.subscriptions(),
      users: directory.principals({ kind: "User" }).map((u) => ({
        upn: u.upn,
        password: u.password,
        objectId: u.objectId,
        tenantId: u.tenantId,
        displayName: u.displayName,
        persona: u.persona,
      })),
      groups: directory.principals({ kind: "Group" }).map((g) => ({
        objectId: g.objectId,
        tenantId: g.tenantId,
        displayName: g.displayName,
        members: directory.membersOf(g.objectId).map((m) => m.objectId),
      })),
      servicePrincipals: directory.principals({ kind: "ServicePrincipal" }).map((s) => ({
        appId: s.appId,
        secret: s.secret,
        objectId: s.objectId,
        tenantId: s.tenantId,
        displayName: s.displayName,
        persona: s.persona,
      })),
    };
  });

  app.get("/_emulator/clock", async () => ({ now: new Date(ctx.clock.now()).toISOString(), speed: ctx.clock.speed }));

  app.post<{ Body: { advanceSeconds?: unknown } | undefined }>("/_emulator/clock", async (req, reply) => {
    const seconds = req.body && typeof req.body === "object" ? req.body.advanceSeconds : undefined;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return reply.code(400).send({
        error: {
          code: "InvalidParameter",
          message: `advanceSeconds must be a number from 0 to ${MAX_ADVANCE_SECONDS} (100 years).`,
          target: "advanceSeconds",
        },
      });
    }
    if (ctx.clock.now() + seconds * 1000 > LATEST_CLOCK_TIME) {
      return reply.code(400).send({
        error: {
          code: "InvalidParameter",
          message: "advanceSeconds would move the clock past 9999-12-31, the last date ARM can write.",
          target: "advanceSeconds",
        },
      });
    }
    return { now: new Date(ctx.clock.advance(seconds * 1000)).toISOString(), speed: ctx.clock.speed };
  });
}
