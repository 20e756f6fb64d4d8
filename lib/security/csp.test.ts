import { describe, expect, it } from "vitest";
import { resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";
import { allowedOrigins, contentSecurityPolicy, createNonce, directiveOf } from "@/lib/security/csp";

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";

describe("allowedOrigins", () => {
  it("is the emulator's origin for login, ARM and Graph in emulator mode", () => {
    const origins = allowedOrigins(resolveRuntimeConfig({ EMULATOR_PORT: "4123" }));
    expect(origins).toEqual({
      login: "http://127.0.0.1:4123",
      arm: "http://127.0.0.1:4123",
      graph: "http://127.0.0.1:4123",
    });
  });

  it("is Entra's authority host and the configured ARM and Graph endpoints in Entra mode", () => {
    const origins = allowedOrigins(
      resolveRuntimeConfig({
        NEXT_PUBLIC_AZURE_CLIENT_ID: CLIENT_ID,
        NEXT_PUBLIC_AZURE_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.com",
        NEXT_PUBLIC_ARM_ENDPOINT: "https://management.usgovcloudapi.net/",
      }),
    );
    expect(origins).toEqual({
      login: "https://login.microsoftonline.us",
      arm: "https://management.usgovcloudapi.net",
      graph: "https://graph.microsoft.com",
    });
  });
});

describe("contentSecurityPolicy", () => {
  const entra = allowedOrigins(resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: CLIENT_ID }));
  const policy = contentSecurityPolicy({ nonce: "abc123", origins: entra, development: false, frameableBySelf: false });

  it("lets scripts run only by nonce and what they load, never inline or eval", () => {
    expect(directiveOf(policy, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directiveOf(policy, "script-src")).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("connects only to the dashboard, the identity provider, ARM and Graph", () => {
    expect(directiveOf(policy, "connect-src")).toEqual([
      "'self'",
      "https://login.microsoftonline.com",
      "https://management.azure.com",
      "https://graph.microsoft.com",
    ]);
    expect(directiveOf(policy, "form-action")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("names the emulator once when it serves everything", () => {
    const emulator = allowedOrigins(resolveRuntimeConfig({ EMULATOR_PORT: "4010" }));
    const p = contentSecurityPolicy({ nonce: "n", origins: emulator, development: false, frameableBySelf: false });
    expect(directiveOf(p, "connect-src")).toEqual(["'self'", "http://127.0.0.1:4010"]);
  });

  it("forbids framing, plugins and base rewriting, and allows only own and data: images", () => {
    expect(directiveOf(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directiveOf(policy, "object-src")).toEqual(["'none'"]);
    expect(directiveOf(policy, "base-uri")).toEqual(["'self'"]);
    expect(directiveOf(policy, "img-src")).toEqual(["'self'", "data:"]);
    expect(directiveOf(policy, "default-src")).toEqual(["'self'"]);
  });

  it("lets only the redirect page be framed, by the dashboard itself", () => {
    const p = contentSecurityPolicy({ nonce: "n", origins: entra, development: false, frameableBySelf: true });
    expect(directiveOf(p, "frame-ancestors")).toEqual(["'self'"]);
  });

  it("adds eval only for next dev", () => {
    const p = contentSecurityPolicy({ nonce: "n", origins: entra, development: true, frameableBySelf: false });
    expect(directiveOf(p, "script-src")).toContain("'unsafe-eval'");
  });

  it("talks to nobody but itself when the configuration is invalid", () => {
    const p = contentSecurityPolicy({ nonce: "n", origins: undefined, development: false, frameableBySelf: false });
    expect(directiveOf(p, "connect-src")).toEqual(["'self'"]);
    expect(directiveOf(p, "form-action")).toEqual(["'self'"]);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
