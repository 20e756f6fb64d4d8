import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { type TestEmulator, startTestEmulator } from "../testing/harness.js";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());

describe("user realm discovery (msal's step before a password sign-in)", () => {
  it("calls a tenant's domain managed, so msal uses the password grant", async () => {
    const res = await emulator.fetch(`/common/userrealm/${encodeURIComponent(EMPTY_SEED.admin.upn)}?api-version=1.0`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ver: "1.0",
      account_type: "Managed",
      domain_name: EMPTY_SEED.tenantDomain,
      cloud_instance_name: "microsoftonline.com",
      cloud_audience_urn: "urn:federation:MicrosoftOnline",
    });
  });

  it("answers Unknown for a domain of no tenant, without a token", async () => {
    const res = await emulator.fetch("/common/userrealm/someone@example.com?api-version=1.0");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ver: "1.0",
      account_type: "Unknown",
      cloud_instance_name: "microsoftonline.com",
    });
  });
});
