import type { FastifyReply, FastifyRequest } from "fastify";
import { isLocalOrigin } from "../http.js";

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

/**
 * CORS for the dashboard on any localhost port. It comes before the api-version and authentication stages,
 * because browsers send preflights without query parameters or tokens.
 */
export async function stageCors(req: FastifyRequest, reply: FastifyReply) {
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
      req.headers["access-control-request-headers"] ??
        "Authorization, Content-Type, ConsistencyLevel, x-ms-client-request-id",
    );
    reply.header("Access-Control-Max-Age", "600");
    return reply.code(204).send();
  }
}
