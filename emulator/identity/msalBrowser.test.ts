import { existsSync, readFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { decodeJwt } from "jose";
import { type Browser, chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARM_SCOPE, EMULATOR_DASHBOARD_CLIENT_ID, GRAPH_AUDIENCE, GRAPH_SCOPES } from "../../lib/azure/wellKnown.js";
import { EMPTY_SEED as S } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

// The package exports no path to its browser bundle, so it is found next to its package.json.
const MSAL_BUNDLE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve("@azure/msal-browser/package.json")), "lib/msal-browser.min.js"),
  "utf8",
);

/**
 * A bare single-page app configured as msal-local-idp.md says: an https-shaped authority that is never
 * contacted, and the emulator's endpoints as inline metadata. It signs in by redirect and then asks silently
 * for a Graph token, which MSAL gets with the refresh token from the browser (cross-origin, no preflight).
 */
function appPage(emulatorUrl: string): string {
  const idp = `${emulatorUrl}/organizations`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MSAL test app</title>
<script src="/msal-browser.min.js"></script></head><body>
<button id="sign-in" type="button">Sign in</button>
<script>
const pca = new msal.PublicClientApplication({
  auth: {
    clientId: ${JSON.stringify(EMULATOR_DASHBOARD_CLIENT_ID)},
    authority: "https://login.emulator.local/organizations",
    knownAuthorities: ["login.emulator.local"],
    authorityMetadata: JSON.stringify({
      issuer: ${JSON.stringify(`${idp}/v2.0`)},
      authorization_endpoint: ${JSON.stringify(`${idp}/oauth2/v2.0/authorize`)},
      token_endpoint: ${JSON.stringify(`${idp}/oauth2/v2.0/token`)},
      end_session_endpoint: ${JSON.stringify(`${idp}/oauth2/v2.0/logout`)},
      jwks_uri: ${JSON.stringify(`${idp}/discovery/v2.0/keys`)},
    }),
    redirectUri: location.origin + "/",
  },
  cache: { cacheLocation: "localStorage" },
});
window.outcome = (async () => {
  await pca.initialize();
  document.getElementById("sign-in").onclick = () => pca.loginRedirect({ scopes: [${JSON.stringify(ARM_SCOPE)}] });
  const result = await pca.handleRedirectPromise();
  if (!result) return undefined;
  const graph = await pca.acquireTokenSilent({ scopes: ${JSON.stringify(GRAPH_SCOPES)}, account: result.account });
  return { arm: result.accessToken, graph: graph.accessToken, username: result.account.username, tenantId: result.account.tenantId };
})().catch((e) => ({ error: String(e && (e.errorCode || e.message) || e) }));
</script></body></html>`;
}

describe("sign-in with the real MSAL browser library in Chromium", () => {
  let em: TestEmulator;
  let app: Server;
  let appOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    em = await startTestEmulator();
    app = createServer((req, res) => {
      if (req.url === "/msal-browser.min.js")
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(MSAL_BUNDLE);
      else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(appPage(em.url));
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appOrigin = `http://localhost:${(app.address() as AddressInfo).port}`;
    const args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-sandbox"];
    browser = await chromium.launch(
      existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium", args } : { args },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await em?.close();
  });

  it("signs in by redirect with PKCE, then gets a Graph token silently with the refresh token", async () => {
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/`);
    await page.waitForFunction(() => (window as unknown as { outcome?: unknown }).outcome !== undefined);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: new RegExp(S.admin.upn.replace(/\./g, "\\.")) }).click();
    await page.waitForURL(`${appOrigin}/`);
    const outcome = (await page.evaluate(() => (window as unknown as { outcome: Promise<unknown> }).outcome)) as Record<
      string,
      string
    >;
    expect(outcome.error).toBeUndefined();
    expect(outcome).toMatchObject({ username: S.admin.upn, tenantId: S.tenantId });
    expect(decodeJwt(outcome.graph!).aud).toBe(GRAPH_AUDIENCE);
    const subs = await fetch(`${em.url}/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${outcome.arm}` },
    });
    expect(subs.status).toBe(200);
    await page.close();
  });
});
