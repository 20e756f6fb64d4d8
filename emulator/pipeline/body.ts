import type { FastifyInstance, FastifyRequest } from "fastify";
import { ArmErrors } from "../errors.js";

export const REQUEST_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * JSON as ARM parses it (any content type that carries a body is read as JSON, as ARM clients sometimes omit
 * it), and form posts for the identity endpoints.
 */
export function registerBodyParsers(app: FastifyInstance) {
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
