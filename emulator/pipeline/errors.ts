import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ArmError, ArmErrors } from "../errors.js";
import { normalizeArmPath } from "../router.js";
import { REQUEST_BODY_LIMIT } from "./body.js";

/**
 * A request Node's HTTP parser refuses (request line or headers over its 16 KB limit, malformed framing) never
 * reaches Fastify; it still gets ARM's error body, then the connection is closed as the parser cannot go on.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
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

export function sendArmError(reply: FastifyReply, err: ArmError) {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply.code(err.status).type("application/json; charset=utf-8").send(JSON.stringify(err.toBody()));
}

/** Turns whatever a stage threw into ARM's error body; only ArmErrors keep their meaning. */
export function stageError(error: unknown, req: FastifyRequest, reply: FastifyReply) {
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

/** A path no route answers: ARM's NoRegisteredProviderFound. */
export function stageNotFound(req: FastifyRequest, reply: FastifyReply) {
  return sendArmError(reply, ArmErrors.noRegisteredProvider(normalizeArmPath(req.url.split("?")[0]!)));
}
