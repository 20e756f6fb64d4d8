import { describe, expect, it } from "vitest";
import { msalConfiguration } from "@/lib/auth/msalConfig";
import { resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";
import { EMULATOR_DASHBOARD_CLIENT_ID } from "@/lib/azure/wellKnown";

describe("msalConfiguration", () => {
  it("gives MSAL an https-shaped, known authority and the emulator's http endpoints as inline metadata", () => {
    const config = msalConfiguration(resolveRuntimeConfig({ EMULATOR_PORT: "4999" }), "http://localhost:3000");
    expect(config.auth.clientId).toBe(EMULATOR_DASHBOARD_CLIENT_ID);
    expect(config.auth.authority).toBe("https://login.emulator.local/organizations");
    expect(config.auth.knownAuthorities).toEqual(["login.emulator.local"]);
    // The tenant must stay the first path segment: MSAL rewrites it.
    expect(JSON.parse(config.auth.authorityMetadata!)).toEqual({
      issuer: "http://127.0.0.1:4999/organizations/v2.0",
      authorization_endpoint: "http://127.0.0.1:4999/organizations/oauth2/v2.0/authorize",
      token_endpoint: "http://127.0.0.1:4999/organizations/oauth2/v2.0/token",
      end_session_endpoint: "http://127.0.0.1:4999/organizations/oauth2/v2.0/logout",
      jwks_uri: "http://127.0.0.1:4999/organizations/discovery/v2.0/keys",
    });
    expect(config.auth.redirectUri).toBe("http://localhost:3000/redirect");
    expect(config.cache?.cacheLocation).toBe("localStorage");
  });

  it("lets MSAL discover Entra itself in Entra mode", () => {
    const config = msalConfiguration(
      resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: "11111111-2222-3333-4444-555555555555" }),
      "https://gallerist.contoso.com",
    );
    expect(config.auth).toEqual({
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/organizations",
      redirectUri: "https://gallerist.contoso.com/redirect",
      postLogoutRedirectUri: "https://gallerist.contoso.com/",
    });
  });
});
