import { createHash, randomUUID } from "node:crypto";
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  decodeJwt,
  errors as joseErrors,
  type JWK,
  type JWTPayload,
} from "jose";
import { type Db, getMeta, setMeta } from "../store/db.js";

/** Claims of the emulator's access tokens, as Entra puts them in tokens for ARM and Graph. */
export interface AccessTokenClaims extends JWTPayload {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  sub: string;
  appid: string;
  azp?: string;
  scp?: string;
  roles?: string[];
  upn?: string;
  preferred_username?: string;
  name?: string;
  idtyp?: "user" | "app";
}

export type TokenCheck =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: "malformed" | "signature" | "expired" | "not-yet-valid"; expiredAt?: Date }
  | { ok: false; reason: "audience"; audience: string }
  | { ok: false; reason: "issuer"; issuer: string };

const KEY_META = "identity.signingKey";

/**
 * RS256 signing for every token the emulator issues. The key pair is made on first start and kept in the
 * database, so tokens stay valid across restarts. Token lifetimes use real time, not the emulator's clock:
 * moving the clock to finish a replication must not sign anybody out.
 */
export class TokenService {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK & { kid: string },
  ) {}

  static async open(db: Db): Promise<TokenService> {
    let stored = getMeta(db, KEY_META);
    if (!stored) {
      const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
      stored = JSON.stringify(await exportJWK(privateKey));
      setMeta(db, KEY_META, stored);
    }
    const privateJwk = JSON.parse(stored) as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = privateJwk;
    const kid = createHash("sha256").update(`${pub.n}.${pub.e}`).digest("base64url").slice(0, 27);
    const privateKey = (await importJWK(privateJwk, "RS256")) as CryptoKey;
    return new TokenService(privateKey, { ...pub, kid, use: "sig", alg: "RS256", kty: "RSA" });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk, x5t: this.publicJwk.kid }] };
  }

  async sign(claims: JWTPayload, lifetimeSeconds: number): Promise<string> {
    const nowSec = Math.floor(Date.now() / 1000);
    return new SignJWT({ uti: randomUUID().replace(/-/g, ""), ...claims })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.publicJwk.kid, x5t: this.publicJwk.kid })
      .setIssuedAt(nowSec)
      .setNotBefore(nowSec - 5 * 60)
      .setExpirationTime(nowSec + lifetimeSeconds)
      .sign(this.privateKey);
  }

  /**
   * Checks an access token: our signature (RS256 only, so `alg: none` and HS256 tricks fail), lifetime, an
   * issuer of this emulator for the token's tenant, and one of the audiences the caller accepts.
   */
  async verify(token: string, audiences: readonly string[]): Promise<TokenCheck> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return { ok: false, reason: "malformed" };
    }
    try {
      const key = await importJWK(this.publicJwk, "RS256");
      const { payload } = await jwtVerify(token, key, { algorithms: ["RS256"], clockTolerance: 0 });
      const claims = payload as AccessTokenClaims;
      const aud = String(claims.aud ?? "");
      if (!audiences.some((a) => sameAudience(a, aud))) return { ok: false, reason: "audience", audience: aud };
      if (typeof claims.tid !== "string" || !String(claims.iss ?? "").includes(`/${claims.tid}/`)) {
        return { ok: false, reason: "issuer", issuer: String(claims.iss ?? "") };
      }
      return { ok: true, claims };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        return { ok: false, reason: "expired", expiredAt: new Date(Number(unverified.exp ?? 0) * 1000) };
      }
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === "nbf")
        return { ok: false, reason: "not-yet-valid" };
      return { ok: false, reason: e instanceof joseErrors.JWSSignatureVerificationFailed ? "signature" : "malformed" };
    }
  }
}

/** ARM accepts its audience with or without the trailing slash, and the classic management.core.windows.net one. */
function sameAudience(expected: string, actual: string): boolean {
  return expected.replace(/\/$/, "").toLowerCase() === actual.replace(/\/$/, "").toLowerCase();
}
