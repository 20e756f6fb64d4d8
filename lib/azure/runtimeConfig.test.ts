import { describe, expect, it } from "vitest";
import { ConfigurationError, resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";

describe("resolveRuntimeConfig", () => {
  it("runs against the emulator on its default port when no client id is configured", () => {
    expect(resolveRuntimeConfig({})).toEqual({
      mode: "emulator",
      emulatorUrl: "http://127.0.0.1:4010",
      armEndpoint: "http://127.0.0.1:4010",
      graphEndpoint: "http://127.0.0.1:4010",
    });
  });

  it("follows EMULATOR_PORT so one build serves any emulator", () => {
    const config = resolveRuntimeConfig({ EMULATOR_PORT: "53123" });
    expect(config.mode).toBe("emulator");
    expect(config.armEndpoint).toBe("http://127.0.0.1:53123");
  });

  it("treats a blank client id as unset", () => {
    expect(resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: "  " }).mode).toBe("emulator");
  });

  it("rejects a port that is not a port", () => {
    expect(() => resolveRuntimeConfig({ EMULATOR_PORT: "http" })).toThrow(ConfigurationError);
    expect(() => resolveRuntimeConfig({ EMULATOR_PORT: "70000" })).toThrow(/EMULATOR_PORT/);
  });

  it("uses Entra and public Azure endpoints when a client id is configured", () => {
    expect(resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: "11111111-2222-3333-4444-555555555555" })).toEqual({
      mode: "entra",
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/organizations",
      armEndpoint: "https://management.azure.com",
      graphEndpoint: "https://graph.microsoft.com",
    });
  });

  it("takes a tenant authority and sovereign-cloud endpoints from the environment", () => {
    const config = resolveRuntimeConfig({
      NEXT_PUBLIC_AZURE_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
      NEXT_PUBLIC_AZURE_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us/",
      NEXT_PUBLIC_ARM_ENDPOINT: "https://management.usgovcloudapi.net/",
      NEXT_PUBLIC_GRAPH_ENDPOINT: "https://graph.microsoft.us",
    });
    expect(config).toMatchObject({
      authority: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
      armEndpoint: "https://management.usgovcloudapi.net",
      graphEndpoint: "https://graph.microsoft.us",
    });
  });

  it("names the variable when a value is unusable", () => {
    const clientId = "11111111-2222-3333-4444-555555555555";
    expect(() => resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: "my-app" })).toThrow(
      /NEXT_PUBLIC_AZURE_CLIENT_ID/,
    );
    expect(() =>
      resolveRuntimeConfig({
        NEXT_PUBLIC_AZURE_CLIENT_ID: clientId,
        NEXT_PUBLIC_AZURE_AUTHORITY: "http://login.example",
      }),
    ).toThrow(/NEXT_PUBLIC_AZURE_AUTHORITY must use https:/);
    expect(() =>
      resolveRuntimeConfig({ NEXT_PUBLIC_AZURE_CLIENT_ID: clientId, NEXT_PUBLIC_ARM_ENDPOINT: "management" }),
    ).toThrow(/NEXT_PUBLIC_ARM_ENDPOINT must be an absolute URL/);
  });
});
