import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";

/** The origins the browser may talk to besides the dashboard itself, derived from the runtime configuration. */
export interface AllowedOrigins {
  /** The identity provider: token requests (connect), silent renewal (frame) and its forms (form-action). */
  login: string;
  arm: string;
  graph: string;
}

export function allowedOrigins(config: RuntimeConfig): AllowedOrigins {
  return {
    // In emulator mode MSAL is given an https-shaped authority it never contacts; the real endpoints are the
    // emulator's, named in its inline metadata (lib/auth/msalConfig).
    login: new URL(config.mode === "emulator" ? config.emulatorUrl : config.authority).origin,
    arm: new URL(config.armEndpoint).origin,
    graph: new URL(config.graphEndpoint).origin,
  };
}

export interface CspOptions {
  /** Fresh per response; Next.js reads it back from the request's CSP header and puts it on its own scripts. */
  nonce: string;
  /** Undefined when the configuration is invalid: the page then only explains that, and talks to nobody. */
  origins: AllowedOrigins | undefined;
  /** `next dev` evaluates code for its error overlay and stack reconstruction; production never needs eval. */
  development: boolean;
  /**
   * MSAL's silent token renewal loads the redirect page in a hidden iframe of the dashboard itself, so that one
   * page may be framed by its own origin; every other page may be framed by nobody.
   */
  frameableBySelf: boolean;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The Content-Security-Policy header value: scripts only by nonce (and what they load), data only to Azure. */
export function contentSecurityPolicy({ nonce, origins, development, frameableBySelf }: CspOptions): string {
  const remote = origins ? unique([origins.login, origins.arm, origins.graph]) : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Styles cannot run code, and connect-src/img-src already stop them from sending anything out. Next.js and React
    // write style attributes and, on its built-in pages, a <style> element without a nonce; a nonce here would
    // block those (a nonce makes browsers ignore 'unsafe-inline').
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...remote],
    ["frame-src", "'self'", ...(origins ? [origins.login] : [])],
    ["form-action", "'self'", ...(origins ? [origins.login] : [])],
    ["frame-ancestors", frameableBySelf ? "'self'" : "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** 128 random bits, base64: what CSP3 asks of a nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Reads one directive of a policy back as its list of sources (for tests and checks). */
export function directiveOf(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(";")) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive?.toLowerCase() === name) return sources;
  }
  return undefined;
}
