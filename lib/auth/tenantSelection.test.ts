import type { AccountInfo } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import {
  authorityForTenant,
  homeTenantOf,
  selectTenant,
  selectedTenantOf,
  workingTenant,
} from "@/lib/auth/tenantSelection";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";
import { memoryStorage } from "@/test/support/memoryStorage";

const CONTOSO = "c0000000-0000-4000-8000-000000000000";
const FABRIKAM = "fa000000-0000-4000-8000-000000000000";
const LEE = `fa000000-0000-4000-8002-000000000001.${FABRIKAM}`;
const ADELE = `c0000000-0000-4000-8002-000000000003.${CONTOSO}`;

describe("tenant selection", () => {
  it("keeps one choice per account and forgets it on request", () => {
    const storage = memoryStorage();
    selectTenant(storage, LEE, CONTOSO);
    expect(selectedTenantOf(storage, LEE)).toBe(CONTOSO);
    expect(selectedTenantOf(storage, ADELE)).toBeUndefined();
    selectTenant(storage, LEE, undefined);
    expect(selectedTenantOf(storage, LEE)).toBeUndefined();
  });

  it("ignores a damaged stored value instead of failing the page", () => {
    const storage = memoryStorage();
    storage.setItem("gallerist.selectedTenant", "{not json");
    expect(selectedTenantOf(storage, LEE)).toBeUndefined();
    selectTenant(storage, LEE, CONTOSO);
    expect(selectedTenantOf(storage, LEE)).toBe(CONTOSO);
  });
});

describe("authorityForTenant", () => {
  it("puts the tenant into the configured Entra authority's host", () => {
    const entra: RuntimeConfig = {
      mode: "entra",
      clientId: "app",
      authority: "https://login.microsoftonline.us/organizations",
      armEndpoint: "https://management.usgovcloudapi.net",
      graphEndpoint: "https://graph.microsoft.us",
    };
    expect(authorityForTenant(entra, CONTOSO)).toBe(`https://login.microsoftonline.us/${CONTOSO}`);
  });

  it("uses the emulator's never-contacted authority host in emulator mode", () => {
    const emulator: RuntimeConfig = {
      mode: "emulator",
      emulatorUrl: "http://127.0.0.1:4010",
      armEndpoint: "http://127.0.0.1:4010",
      graphEndpoint: "http://127.0.0.1:4010",
    };
    expect(authorityForTenant(emulator, FABRIKAM)).toBe(`https://login.emulator.local/${FABRIKAM}`);
  });
});

describe("homeTenantOf", () => {
  it("reads the home tenant from MSAL's home account id, whatever tenant profile is active", () => {
    const guestProfile = { homeAccountId: LEE, tenantId: CONTOSO } as AccountInfo;
    expect(homeTenantOf(guestProfile)).toBe(FABRIKAM);
  });
});

describe("workingTenant", () => {
  const emulator: RuntimeConfig = {
    mode: "emulator",
    emulatorUrl: "http://127.0.0.1:4010",
    armEndpoint: "http://127.0.0.1:4010",
    graphEndpoint: "http://127.0.0.1:4010",
  };
  const lee = { homeAccountId: LEE, tenantId: FABRIKAM } as AccountInfo;

  it("is the tenant picked in the switcher, else the home tenant, with the authority that issues its tokens", () => {
    const storage = memoryStorage();
    expect(workingTenant(emulator, storage, lee)).toEqual({
      tenantId: FABRIKAM,
      authority: `https://login.emulator.local/${FABRIKAM}`,
    });
    selectTenant(storage, LEE, CONTOSO);
    expect(workingTenant(emulator, storage, lee)).toEqual({
      tenantId: CONTOSO,
      authority: `https://login.emulator.local/${CONTOSO}`,
    });
  });

  it("is undefined when nobody is signed in", () => {
    expect(workingTenant(emulator, memoryStorage(), null)).toBeUndefined();
  });
});
