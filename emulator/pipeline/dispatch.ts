import type { FastifyReply, FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { originOf } from "../http.js";
import type { ArmRequest, HttpMethod } from "../router.js";
import { apiVersionOf } from "./apiVersion.js";

/** Calls the matched operation's handler in one transaction and sends what it answers. */
export function stageDispatch(ctx: EmulatorContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { route, params, path } = req.armRoute!;
    const rawQuery = req.url.split("?", 2)[1] ?? "";
    const query: Record<string, string> = Object.create(null);
    for (const [k, v] of new URLSearchParams(rawQuery)) if (!(k in query)) query[k] = v;
    const armRequest: ArmRequest = {
      method: req.method as HttpMethod,
      path,
      params,
      query,
      body: req.body,
      headers: req.headers,
      apiVersion: apiVersionOf(req)!,
      caller: req.caller!,
      origin: originOf(req),
      requestId: req.armRequestId,
      ctx,
    };
    const res = inTransaction(ctx, () => route.handler(armRequest));
    for (const [k, v] of Object.entries(res.headers ?? {})) reply.header(k, v);
    reply.code(res.status);
    if (res.body === undefined || req.method === "HEAD") return reply.send();
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(res.body));
  };
}

/**
 * Runs a handler in one transaction, so the reply goes out only after its writes committed and a handler that
 * throws half-way leaves nothing behind.
 */
function inTransaction<T>(ctx: EmulatorContext, run: () => T): T {
  return ctx.db.transaction(run)();
}
