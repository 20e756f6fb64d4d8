import { createHash, randomBytes } from "node:crypto";
import { type Db, writeOutsideResources } from "../store/db.js";

/** What an authorization code stands for, fixed when the user signed in. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  objectId: string;
  /** The tenant the tokens are for (the user's home tenant, or the tenant they are a guest in). */
  tenantId: string;
}

/** What a refresh token stands for; the scope of each refresh is whatever the client asks for then. */
export interface RefreshGrant {
  clientId: string;
  objectId: string;
  tenantId: string;
}

/** Entra's authorization codes live about ten minutes. */
export const CODE_LIFETIME_SECONDS = 600;
/** Refresh tokens of single-page apps live 24 hours; those of native apps 90 days. */
export const SPA_REFRESH_TOKEN_LIFETIME_SECONDS = 24 * 3600;
export const NATIVE_REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;

export type CodeRedemption = { status: "ok"; grant: CodeGrant } | { status: "unknown" | "expired" | "redeemed" };

/**
 * Authorization codes and refresh tokens, in the `auth_codes` and `refresh_tokens` tables. Only a hash of each
 * is stored, so the database holds nothing a caller could present. Lifetimes use real time, as tokens do.
 */
export class GrantStore {
  constructor(private readonly db: Db) {}

  issueCode(grant: CodeGrant): string {
    const code = newSecret();
    const now = Date.now();
    writeOutsideResources(this.db, "DELETE FROM auth_codes WHERE expires_at < ?", now);
    writeOutsideResources(
      this.db,
      "INSERT INTO auth_codes (code, data, expires_at) VALUES (?, ?, ?)",
      hash(code),
      JSON.stringify({ ...grant, redeemed: false }),
      now + CODE_LIFETIME_SECONDS * 1000,
    );
    return code;
  }

  /** Redeems a code once: a second redemption is told apart from an unknown code, as Entra does. */
  redeemCode(code: string): CodeRedemption {
    return this.db.transaction((): CodeRedemption => {
      const row = this.db.prepare("SELECT data, expires_at FROM auth_codes WHERE code = ?").get(hash(code)) as
        { data: string; expires_at: number } | undefined;
      if (!row) return { status: "unknown" };
      const { redeemed, ...grant } = JSON.parse(row.data) as CodeGrant & { redeemed: boolean };
      if (redeemed) return { status: "redeemed" };
      if (row.expires_at < Date.now()) return { status: "expired" };
      writeOutsideResources(
        this.db,
        "UPDATE auth_codes SET data = ? WHERE code = ?",
        JSON.stringify({ ...grant, redeemed: true }),
        hash(code),
      );
      return { status: "ok", grant };
    })();
  }

  issueRefreshToken(grant: RefreshGrant, lifetimeSeconds: number): string {
    const token = newSecret();
    const now = Date.now();
    writeOutsideResources(this.db, "DELETE FROM refresh_tokens WHERE expires_at < ?", now);
    writeOutsideResources(
      this.db,
      "INSERT INTO refresh_tokens (token, data, expires_at) VALUES (?, ?, ?)",
      hash(token),
      JSON.stringify(grant),
      now + lifetimeSeconds * 1000,
    );
    return token;
  }

  /**
   * The grant of a live refresh token. Entra answers every redemption with a new refresh token but does not
   * revoke the one presented: it stays valid until its own lifetime ends, so browser tabs and saved sessions
   * holding an older one keep working (MSAL also renews several resources in parallel with one token).
   */
  useRefreshToken(token: string): RefreshGrant | undefined {
    const row = this.db.prepare("SELECT data, expires_at FROM refresh_tokens WHERE token = ?").get(hash(token)) as
      { data: string; expires_at: number } | undefined;
    if (!row || row.expires_at < Date.now()) return undefined;
    return JSON.parse(row.data) as RefreshGrant;
  }
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

function hash(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
