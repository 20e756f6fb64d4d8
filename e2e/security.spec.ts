import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  DEMO_PASSWORD,
  DEMO_PERSONA_USERS,
  DEMO_SERVICE_PRINCIPALS,
  DEMO_SUBSCRIPTIONS,
} from "../emulator/seed/demoIdentities";
import { DefinitionPage, GalleriesPage, GalleryPage, VersionPage } from "./pages/galleries";
import { Portal } from "./pages/portal";
import { DEMO } from "./support/demo";
import { startIsolatedWorld, type IsolatedWorld } from "./support/isolatedWorld";

/**
 * Issue 9, item 4: the dashboard's Content-Security-Policy, secrets kept out of URLs, logs and the bundle,
 * resource text rendered inert, and sign-out. Runs against its own emulator and dashboard, so it can read the
 * dashboard's server log and add hostile resources no other spec sees.
 */
test.describe.configure({ mode: "serial" });

const admin = DEMO_PERSONA_USERS["platform-admin"];
const production = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const API = "api-version=2024-03-03";

/** An access token, an id token or a refresh token as the emulator issues them (JWTs). */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/;
const SECRET_NAMES = /\b(access_token|id_token|refresh_token|client_secret|password)=/i;
const SEEDED_SECRETS = [DEMO_PASSWORD, ...Object.values(DEMO_SERVICE_PRINCIPALS).map((sp) => sp.secret)];

let world: IsolatedWorld;
let tokens: string[] = [];

test.beforeAll(async () => {
  world = await startIsolatedWorld();
});
test.afterAll(async () => {
  await world?.close();
});

interface Watch {
  violations: string[];
  urls: string[];
  documents: { url: string; csp: string | undefined }[];
}

/** Records CSP violations (console and events), every URL the page visits or requests, and each document's CSP. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { violations: [], urls: [], documents: [] };
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) w.violations.push(m.text());
  });
  page.on("request", (r) => w.urls.push(r.url()));
  page.on("framenavigated", (f) => w.urls.push(f.url()));
  page.on("response", (r) => {
    if (r.request().resourceType() === "document" && r.url().startsWith(world.baseUrl)) {
      w.documents.push({ url: r.url(), csp: r.headers()["content-security-policy"] });
    }
  });
  return w;
}

function directive(policy: string, name: string): string[] {
  const part = policy
    .split(";")
    .map((p) => p.trim().split(/\s+/))
    .find(([d]) => d === name);
  return part ? part.slice(1) : [];
}

async function signIn(page: Page) {
  const portal = new Portal(page);
  await page.goto(`${world.baseUrl}/`);
  await portal.signIn(admin.upn);
  return portal;
}

test("every page carries a strict CSP, and a walk through the portal runs under it with no violation and no token in a URL", async ({
  page,
}) => {
  const w = await watch(page);
  await signIn(page);
  const overview = new GalleriesPage(page);
  await expect(overview.row(DEMO.gallery)).toBeVisible();
  await overview.open(DEMO.gallery);
  await new GalleryPage(page).open(DEMO.definition);
  await new DefinitionPage(page).open(DEMO.replicatingVersion);
  await expect(new VersionPage(page).replication).toBeVisible();
  // Deep links are documents too, as is a page that does not exist.
  await page.reload();
  await expect(new VersionPage(page).replication).toBeVisible();
  await page.goto(`${world.baseUrl}/no-such-page`);

  expect(w.documents.length).toBeGreaterThanOrEqual(4);
  for (const { url, csp } of w.documents) {
    expect(csp, `CSP of ${url}`).toBeTruthy();
    const policy = csp!;
    const isBridge = new URL(url).pathname === "/redirect";
    expect(directive(policy, "connect-src"), url).toEqual(["'self'", world.emulatorUrl]);
    expect(directive(policy, "frame-ancestors"), url).toEqual([isBridge ? "'self'" : "'none'"]);
    expect(directive(policy, "object-src"), url).toEqual(["'none'"]);
    expect(directive(policy, "base-uri"), url).toEqual(["'self'"]);
    expect(directive(policy, "img-src"), url).toEqual(["'self'", "data:"]);
    expect(directive(policy, "form-action"), url).toEqual(["'self'", world.emulatorUrl]);
    const scripts = directive(policy, "script-src");
    expect(scripts, url).toContain("'strict-dynamic'");
    expect(
      scripts.filter((s) => s.startsWith("'nonce-")),
      url,
    ).toHaveLength(1);
    expect(scripts, url).not.toContain("'unsafe-inline'");
    expect(scripts, url).not.toContain("'unsafe-eval'");
  }
  // A fresh nonce per response.
  const nonces = w.documents.map((d) => directive(d.csp!, "script-src").find((s) => s.startsWith("'nonce-")));
  expect(new Set(nonces).size).toBe(nonces.length);

  expect(w.violations).toEqual([]);
  for (const url of w.urls) {
    expect(url, "a URL the browser visited or requested").not.toMatch(JWT);
    expect(url).not.toMatch(SECRET_NAMES);
  }
});

test("inline script, event handlers and javascript: URIs written into a resource stay inert text", async ({ page }) => {
  const rg = `/subscriptions/${production}/resourceGroups/rg-hostile`;
  const gallery = `${rg}/providers/Microsoft.Compute/galleries/hostile_gallery`;
  const description = `<script>window.__pwned = "description"</script><img src=x onerror="window.__pwned='img'"> [docs](javascript:window.__pwned='link')`;
  const put = async (path: string, body: unknown) => {
    const response = await world.arm(admin.upn, "PUT", `${path}?${path === rg ? "api-version=2021-04-01" : API}`, body);
    expect(response.status, `PUT ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  };
  await put(rg, { location: "eastus" });
  await put(gallery, { location: "eastus", properties: { description } });
  await put(`${gallery}/images/hostile-definition`, {
    location: "eastus",
    tags: { "<b>owner</b>": "<script>window.__pwned='tag'</script>", link: "javascript:window.__pwned='tag-link'" },
    properties: {
      description,
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      identifier: { publisher: "Hostile", offer: "Markup", sku: "script" },
      eula: "javascript:window.__pwned='eula'",
      privacyStatementUri: "javascript:window.__pwned='privacy'",
      releaseNoteUri: "https://contoso.example/hostile/release-notes",
    },
  });

  const w = await watch(page);
  await signIn(page);
  await page.goto(`${world.baseUrl}/subscriptions/${production}/resourceGroups/rg-hostile/galleries/hostile_gallery`);
  await expect(page.getByText(description, { exact: true })).toBeVisible();

  await new GalleryPage(page).open("hostile-definition");
  await expect(page.getByText(description, { exact: true })).toBeVisible();
  await expect(page.getByText("<b>owner</b>=<script>window.__pwned='tag'</script>", { exact: true })).toBeVisible();
  await expect(page.getByText("link=javascript:window.__pwned='tag-link'", { exact: true })).toBeVisible();
  await expect(page.getByText("javascript:window.__pwned='eula'", { exact: true })).toBeVisible();
  await expect(page.getByText("javascript:window.__pwned='privacy'", { exact: true })).toBeVisible();
  const notes = page.getByRole("link", { name: "https://contoso.example/hostile/release-notes" });
  await expect(notes).toHaveAttribute("href", "https://contoso.example/hostile/release-notes");
  await expect(notes).toHaveAttribute("rel", /noopener/);

  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.filter((h) => !/^(https?:|\/|#)/i.test(h))).toEqual([]);
  expect(await page.locator("main img").count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(w.violations).toEqual([]);
});

test("bidi controls and invisible characters in descriptions show as code points on the overview and in images I can use", async ({
  page,
}) => {
  const rg = `/subscriptions/${production}/resourceGroups/rg-bidi`;
  const gallery = `${rg}/providers/Microsoft.Compute/galleries/bidi_gallery`;
  const put = async (path: string, body: unknown) => {
    const response = await world.arm(admin.upn, "PUT", `${path}?${path === rg ? "api-version=2021-04-01" : API}`, body);
    expect(response.status, `PUT ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  };
  await put(rg, { location: "eastus" });
  await put(gallery, { location: "eastus", properties: { description: "invoice\u202Etxt.exe\u200B" } });
  await put(`${gallery}/images/bidi-definition`, {
    location: "eastus",
    properties: {
      description: "pay\u2066load\uFEFF\u061C",
      osType: "Linux",
      osState: "Generalized",
      hyperVGeneration: "V2",
      identifier: { publisher: "Bidi", offer: "Controls", sku: "shown" },
    },
  });

  await signIn(page);
  await expect(page.getByText("invoice\\u{202E}txt.exe\\u{200B}", { exact: true })).toBeVisible();
  await page.goto(`${world.baseUrl}/images`);
  await expect(page.getByText("pay\\u{2066}load\\u{FEFF}\\u{061C}", { exact: true })).toBeVisible();
  const raw = await page
    .locator("main")
    .evaluate((main) => /[\u202E\u200B\u2066\uFEFF\u061C]/.test(main.textContent ?? ""));
  expect(raw).toBe(false);
});

test("signing out clears tokens, cached data and our keys, and the back button shows the signed-out state", async ({
  page,
}) => {
  await signIn(page);
  const overview = new GalleriesPage(page);
  await overview.open(DEMO.gallery);
  await page.evaluate(() => window.localStorage.setItem("gallerist.selectedTenant", "{}"));
  const before = await page.evaluate(() => Object.keys(window.localStorage));
  expect(
    before.some((k) => /accesstoken/i.test(k)),
    "signed in, MSAL holds an access token",
  ).toBe(true);
  tokens = await page.evaluate(() =>
    Object.keys(window.localStorage)
      .filter((k) => /accesstoken|refreshtoken|idtoken/i.test(k))
      .map((k) => window.localStorage.getItem(k) ?? ""),
  );

  const portal = new Portal(page);
  await portal.signOut();
  for (const storage of ["localStorage", "sessionStorage"] as const) {
    const entries = await page.evaluate((s) => Object.entries(window[s]), storage);
    expect(
      entries.filter(([k]) => /accesstoken|refreshtoken|idtoken|^gallerist\./i.test(k)),
      storage,
    ).toEqual([]);
    expect(
      entries.filter(([, v]) => JWT.test(v)),
      storage,
    ).toEqual([]);
  }

  await page.goBack();
  await expect(portal.signInButton).toBeVisible();
  await expect(page.getByRole("heading", { name: DEMO.gallery })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("no token or secret in the dashboard's server log or its client bundle", async () => {
  const log = world.dashboardLog();
  expect(log).not.toMatch(JWT);
  expect(log).not.toMatch(/Bearer\s+\S{20,}/i);
  for (const secret of SEEDED_SECRETS) expect(log).not.toContain(secret);
  for (const token of tokens.filter((t) => t.length > 20)) expect(log).not.toContain(token);

  const staticDir = join(process.cwd(), process.env.GALLERIST_DIST_DIR || ".next", "static");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(staticDir);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    expect(text, file).not.toMatch(JWT);
    expect(text, file).not.toMatch(/Bearer\s+eyJ/);
    // MSAL's table of OAuth parameter names contains the bare word; a value assigned to it would be a secret.
    expect(text, file).not.toMatch(/client_secret(=|["']?\s*:\s*["'])[^&"'\s]+/);
    for (const secret of SEEDED_SECRETS) expect(text, file).not.toContain(secret);
  }
});
