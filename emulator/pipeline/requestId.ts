import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    armRequestId: string;
  }
}

/** ARM's request ids: the client's own x-ms-client-request-id echoed back, a fresh service request id. */
export async function stageRequestId(req: FastifyRequest, reply: FastifyReply) {
  req.armRequestId = String(req.headers["x-ms-client-request-id"] ?? "").slice(0, 64) || randomUUID();
  const id = randomUUID();
  reply.header("x-ms-request-id", id);
  reply.header("x-ms-correlation-request-id", req.headers["x-ms-correlation-request-id"] ?? id);
  if (req.headers["x-ms-client-request-id"]) reply.header("x-ms-client-request-id", req.armRequestId);
}
