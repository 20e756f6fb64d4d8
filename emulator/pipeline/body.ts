import type { FastifyInstance, FastifyRequest } from "fastify";
import { ArmErrors } from "../errors.js";
import { parseArmJson } from "../http/jsonc.js";
import { jsonDepthExceeded, MAX_JSON_DEPTH } from "../http/limits.js";

export const REQUEST_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * JSON as ARM parses it (comments and bare property names allowed, see http/jsonc.ts; a body without a content type is read as JSON, as ARM clients sometimes omit it; the
 * ARM and control-surface stages refuse other media types before parsing), nested at most MAX_JSON_DEPTH deep,
 * and form posts for the identity endpoints.
 */
export function registerBodyParsers(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  const parseJson = (_req: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => {
    if (body.trim() === "") return done(null, undefined);
    const tooDeep = jsonDepthExceeded(body);
    if (tooDeep) {
      return done(
        ArmErrors.invalidRequestContent(
          `The reader's MaxDepth of ${MAX_JSON_DEPTH} has been exceeded. Line ${tooDeep.line}, position ${tooDeep.position}.`,
        ),
      );
    }
    try {
      done(null, parseArmJson(body));
    } catch (e) {
      done(ArmErrors.invalidRequestContent((e as Error).message));
    }
  };
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (req, body, done) => parseJson(req, body as string, done));
}
