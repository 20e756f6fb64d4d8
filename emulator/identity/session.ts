import type { FastifyReply, FastifyRequest } from "fastify";
import type { EmulatorContext } from "../context.js";
import { issuerFor } from "./issue.js";

/**
 * The browser session of the identity provider: one cookie per tenant of sign-in (`organizations`, `common`
 * or a tenant id), as a signed token naming the user and the tenant they signed into. Its audience is the
 * emulator's own, so no resource accepts it as an access token.
 */
const COOKIE_PREFIX = "ESTSAUTH_";
const SESSION_AUDIENCE = "urn:gallerist-emulator:sign-in-session";
const SESSION_LIFETIME_SECONDS = 12 * 3600;

export interface SignInSession {
  objectId: string;
  tenantId: string;
}

function cookieName(tenantSegment: string): string {
  return `${COOKIE_PREFIX}${tenantSegment.toLowerCase().replace(/[^a-z0-9.-]/g, "_")}`;
}

function cookies(req: FastifyRequest): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

export async function readSession(
  ctx: EmulatorContext,
  req: FastifyRequest,
  tenantSegment: string,
): Promise<SignInSession | undefined> {
  const value = cookies(req).get(cookieName(tenantSegment));
  if (!value) return undefined;
  const check = await ctx.tokens.verify(value, [SESSION_AUDIENCE]);
  if (!check.ok || !ctx.directory.principal(check.claims.oid)) return undefined;
  return { objectId: check.claims.oid, tenantId: check.claims.tid };
}

export async function startSession(
  ctx: EmulatorContext,
  reply: FastifyReply,
  input: { tenantSegment: string; session: SignInSession; origin: string },
): Promise<void> {
  const { objectId, tenantId } = input.session;
  const value = await ctx.tokens.sign(
    { aud: SESSION_AUDIENCE, iss: issuerFor(input.origin, tenantId), tid: tenantId, oid: objectId, sub: objectId },
    SESSION_LIFETIME_SECONDS,
  );
  reply.header("Set-Cookie", `${cookieName(input.tenantSegment)}=${value}; Path=/; HttpOnly; SameSite=Lax`);
}

/** Signing out ends the sessions of every tenant the browser signed into, as Entra's logout does. */
export function endSessions(req: FastifyRequest, reply: FastifyReply): void {
  const expired = [...cookies(req).keys()]
    .filter((name) => name.startsWith(COOKIE_PREFIX))
    .map((name) => `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`);
  if (expired.length) reply.header("Set-Cookie", expired);
}
