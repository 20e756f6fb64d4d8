import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import type { TestEmulator } from "../../../emulator/testing/harness.js";

/** Bearer tokens ARM must refuse with 401, each named for the report. */
export type HostileToken = { name: string; authorization: string | undefined };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function withoutTimes(payload: JWTPayload): JWTPayload {
  const { exp: _exp, iat: _iat, nbf: _nbf, ...rest } = payload;
  return rest;
}

/** Tokens that are expired, for another audience, wrongly signed, unsigned, tampered with, or not tokens at all. */
export async function hostileTokens(em: TestEmulator, who: string): Promise<HostileToken[]> {
  const valid = await em.token(who);
  const payload = withoutTimes(decodeJwt(valid));
  const [header, , signature] = valid.split(".") as [string, string, string];
  const tokens = em.emulator.ctx.tokens;
  const { privateKey: strangerKey } = await generateKeyPair("RS256");
  const now = Math.floor(Date.now() / 1000);
  const bearer = (token: string) => `Bearer ${token}`;
  return [
    { name: "missing", authorization: undefined },
    { name: "empty bearer", authorization: "Bearer " },
    { name: "basic scheme", authorization: `Basic ${Buffer.from("admin:Admin#1234").toString("base64")}` },
    { name: "not a jwt", authorization: bearer("not-a-token") },
    { name: "garbage segments", authorization: bearer("e30.e30.e30") },
    { name: "expired", authorization: bearer(await tokens.sign(payload, -120)) },
    { name: "other audience", authorization: bearer(await em.token(who, "https://graph.microsoft.com")) },
    {
      name: "other issuer",
      authorization: bearer(await tokens.sign({ ...payload, iss: "https://sts.example.invalid/evil/v2.0" }, 3600)),
    },
    {
      name: "unknown principal",
      authorization: bearer(
        await tokens.sign({ ...payload, oid: "11111111-2222-4333-8444-555555555555", sub: "x" }, 3600),
      ),
    },
    {
      name: "wrongly signed",
      authorization: bearer(
        await new SignJWT({ ...payload })
          .setProtectedHeader({
            alg: "RS256",
            typ: "JWT",
            kid: (JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string }).kid,
          })
          .setIssuedAt(now)
          .setNotBefore(now - 60)
          .setExpirationTime(now + 3600)
          .sign(strangerKey),
      ),
    },
    {
      name: "alg none",
      authorization: bearer(
        `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...payload, iat: now, nbf: now - 60, exp: now + 3600 })}.`,
      ),
    },
    {
      name: "HS256",
      authorization: bearer(
        await new SignJWT({ ...payload })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setIssuedAt(now)
          .setExpirationTime(now + 3600)
          .sign(new TextEncoder().encode("secret")),
      ),
    },
    {
      name: "tampered payload",
      authorization: bearer(
        `${header}.${b64({ ...payload, iat: now, nbf: now - 60, exp: now + 3600, oid: "00000000-0000-4000-8000-0000000000a2" })}.${signature}`,
      ),
    },
    { name: "signature stripped", authorization: bearer(`${header}.${valid.split(".")[1]}.`) },
  ];
}
