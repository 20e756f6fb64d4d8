import type { FastifyRequest } from "fastify";
import { ArmError, ArmErrors } from "../errors.js";
import { isLocalOrigin } from "../http.js";

/** `application/json`, `text/json` and `application/*+json`, with any parameters (`; charset=utf-8`). */
export function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return (
    mediaType === "application/json" || mediaType === "text/json" || /^application\/[\w.+-]+\+json$/.test(mediaType)
  );
}

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * ARM reads JSON only: a write whose body is anything else (a form, text) is 415 UnsupportedMediaType before it
 * is read. A body sent without a Content-Type is read as JSON, as some ARM clients omit the header.
 */
export async function stageJsonBody(req: FastifyRequest): Promise<void> {
  const contentType = req.headers["content-type"];
  if (contentType !== undefined && hasBody(req) && !isJsonMediaType(contentType))
    throw ArmErrors.unsupportedMediaType(contentType);
}

export const ControlSurfaceErrors = {
  foreignOrigin: (origin: string) =>
    new ArmError(
      403,
      "ForeignOrigin",
      `The emulator's control surface answers only pages on this machine; the origin '${origin}' is not one.`,
    ),
  notJson: (contentType: string | undefined) =>
    new ArmError(
      415,
      "UnsupportedMediaType",
      `The content media type '${contentType ?? ""}' is not supported. Only 'application/json' is supported.`,
    ),
};

/**
 * `/_emulator/*` moves the clock and injects faults, so a page on another site must not reach it: browsers send
 * an Origin with every cross-site request, and a cross-site form or `text/plain` POST needs no preflight, so the
 * origin must be this machine's (or absent, as for scripts) and every body JSON, which no simple request can send.
 */
export async function stageControlSurface(req: FastifyRequest): Promise<void> {
  const origin = req.headers.origin;
  if (origin !== undefined && !isLocalOrigin(origin)) throw ControlSurfaceErrors.foreignOrigin(origin);
  const contentType = req.headers["content-type"];
  if (hasBody(req) && (contentType === undefined || !isJsonMediaType(contentType)))
    throw ControlSurfaceErrors.notJson(contentType);
}
