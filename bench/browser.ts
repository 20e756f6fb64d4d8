/**
 * The browser half of the benchmark, in Chromium against the production build: the definition page of a
 * definition with 10,000 versions (scale seed, one subscription, gallery and definition; ARM's latency emulated
 * with EMULATOR_LATENCY_MS=100 on every request, Resource Graph's included), from
 * navigation to the table showing them, and the time from a keystroke in the version filter to the updated rows.
 */
import { existsSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";
import { SCALE_SEED } from "../emulator/seed/scale.js";
import {
  galleryApplicationResourceId,
  galleryImageResourceId,
  routePathFromResourceId,
} from "../lib/azure/resourceId.js";
import { freePort, startNext, stopChild, waitForHttp } from "../scripts/processes.mjs";
import { startBenchEmulator } from "./support.js";

export const VERSION_COUNT = 10_000;
/** Added to every ARM request, as in the target: Azure's own latency is of this order. */
export const BROWSER_LATENCY_MS = 100;
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export interface BrowserFigures {
  versions: number;
  /** Navigation to the first version rows on screen. */
  firstRowsMs: number;
  /** Navigation to the table holding all versions (aria-rowcount), sorted newest first. */
  renderMs: number;
  /** The same from a link in the app with the version list already read: rendering alone. */
  warmRenderMs: number;
  /** Version rows in the DOM once rendered. */
  rowsInDom: number;
  /** `$expand=ReplicationStatus` reads the page sent. */
  replicationReads: number;
  /** Keystroke to updated rows (next frame), one per keystroke. */
  keystrokeMs: number[];
  /** The page's JS heap in use with every version in the table, after a garbage collection. */
  heapBytes: number;
}

/** The page's JS heap in use after a full garbage collection (Chromium's DevTools protocol). */
export async function usedHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(
    existsSync(DEBIAN_CHROMIUM)
      ? {
          executablePath: DEBIAN_CHROMIUM,
          args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-sandbox"],
        }
      : {},
  );
}

/** Signs in through MSAL's redirect and the emulator's one-click sign-in page. */
export async function signIn(page: Page, baseUrl: string, upn: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .getByRole("button", { name: new RegExp(upn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") })
    .first()
    .click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 60_000 });
}

/**
 * Presses one key in the focused filter and resolves with the time from its keydown until the table holds the
 * `expectedRows` the new filter keeps (its aria-rowcount) and the next frame is painted.
 */
async function timedKeystroke(page: Page, key: string, expectedRows: number): Promise<number> {
  await page.evaluate((expected) => {
    const w = window as unknown as { __keystroke?: Promise<number> };
    const input = document.activeElement as HTMLInputElement;
    const table = document.querySelector("table[aria-rowcount]")!;
    w.__keystroke = new Promise<number>((resolve) => {
      let start = 0;
      input.addEventListener("keydown", (e) => (start = e.timeStamp), { once: true });
      const observer = new MutationObserver(() => {
        if (!start || table.getAttribute("aria-rowcount") !== String(expected + 1)) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      observer.observe(table, { attributes: true, attributeFilter: ["aria-rowcount"] });
    });
  }, expectedRows);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __keystroke: Promise<number> }).__keystroke);
}

/** The emulator (its own process), `next start` of the production build and Chromium, with the scale seed's admin signed in. */
export async function startSignedInWorld(seed: string, latencyMs: number) {
  const emulator = await startBenchEmulator(seed, { EMULATOR_LATENCY_MS: String(latencyMs) });
  const port: number = await freePort();
  const next: ChildProcess = startNext({
    mode: "start",
    port,
    emulatorPort: Number(new URL(emulator.url).port),
    stdio: "ignore",
  });
  const browser = await launchChromium();
  const stop = async () => {
    await browser.close();
    await stopChild(next);
    await emulator.stop();
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/redirect`, { child: next, name: "The dashboard" });
    // localhost, not 127.0.0.1: MSAL needs a secure context.
    const baseUrl = `http://localhost:${port}`;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, baseUrl, SCALE_SEED.admin.upn);
    return { emulator, baseUrl, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * From navigation to the page of `parentId` (a definition or an application with VERSION_COUNT versions) until its
 * version table shows the newest version (first rows), and until it holds them all (aria-rowcount).
 */
async function timeVersionList(page: Page, baseUrl: string, parentId: string, parentName: string) {
  const caption = `Versions of ${parentName}`;
  const newest = SCALE_SEED.versionName(VERSION_COUNT);
  const t0 = Date.now();
  await page.goto(`${baseUrl}${routePathFromResourceId(parentId)}`);
  // Polled every 20 ms in the page, as the render below: a locator's waitFor backs off to 500 ms between tries,
  // which measured its own polling rather than the page.
  await page.waitForFunction(
    ({ caption, name }) =>
      [...document.querySelectorAll("table")]
        .find((t) => t.caption?.textContent === caption)
        ?.querySelector(`tbody th[scope="row"]`)
        ?.textContent?.includes(name) ?? false,
    { caption, name: newest },
    { timeout: 120_000, polling: 20 },
  );
  const firstRowsMs = Date.now() - t0;
  // The same row by its role, as a user's tools see it. Not timed; the locator runs in the page, which may be busy
  // with the next pages for a while on a loaded machine, so it gets more than a second.
  await page
    .getByRole("table", { name: caption })
    .getByRole("rowheader")
    .filter({ hasText: newest })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    ({ caption, n }) =>
      [...document.querySelectorAll("table")]
        .find((t) => t.caption?.textContent === caption)
        ?.getAttribute("aria-rowcount") === String(n + 1),
    { caption, n: VERSION_COUNT },
    { timeout: 120_000, polling: 20 },
  );
  return { firstRowsMs, renderMs: Date.now() - t0 };
}

export interface ApplicationFigures {
  versions: number;
  /** Navigation to the first version rows of an application's page. */
  firstRowsMs: number;
  /** Navigation to the table holding all of them. */
  renderMs: number;
}

/**
 * Runs `measure` in a signed-in world of the scale seed `seed` (the emulator with BROWSER_LATENCY_MS, next start,
 * Chromium), and stops the world whatever happens.
 */
async function inSignedInWorld<T>(
  log: (line: string) => void,
  seed: string,
  measure: (page: Page, baseUrl: string) => Promise<T>,
): Promise<T> {
  log(`  starting the emulator (EMULATOR_SEED=${seed}) and next start…`);
  const { baseUrl, page, stop } = await startSignedInWorld(seed, BROWSER_LATENCY_MS);
  try {
    return await measure(page, baseUrl);
  } finally {
    await stop();
  }
}

/** The same for a VM application with VERSION_COUNT versions: its page lists them as a definition's does. */
export function benchApplicationVersions(log: (line: string) => void): Promise<ApplicationFigures> {
  const seed = `scale:subscriptions=1,galleries=1,definitions=0,applications=1,applicationVersions=${VERSION_COUNT}`;
  return inSignedInWorld(log, seed, async (page, baseUrl) => {
    const applicationId = galleryApplicationResourceId(
      SCALE_SEED.subscriptionId(1),
      SCALE_SEED.resourceGroup,
      SCALE_SEED.galleryName(1),
      SCALE_SEED.applicationName(1),
    );
    return {
      versions: VERSION_COUNT,
      ...(await timeVersionList(page, baseUrl, applicationId, SCALE_SEED.applicationName(1))),
    };
  });
}

export function benchBrowser(log: (line: string) => void): Promise<BrowserFigures> {
  const seed = `scale:subscriptions=1,galleries=1,definitions=1,versions=${VERSION_COUNT}`;
  return inSignedInWorld(log, seed, async (page, baseUrl) => {
    const definitionId = galleryImageResourceId(
      SCALE_SEED.subscriptionId(1),
      SCALE_SEED.resourceGroup,
      SCALE_SEED.galleryName(1),
      SCALE_SEED.definitionName(1),
    );
    let replicationReads = 0;
    page.on("request", (request) => {
      if (/[?&](\$|%24)expand=ReplicationStatus/i.test(request.url())) replicationReads++;
    });
    const table = page.getByRole("table", { name: `Versions of ${SCALE_SEED.definitionName(1)}` });
    const { firstRowsMs, renderMs } = await timeVersionList(page, baseUrl, definitionId, SCALE_SEED.definitionName(1));
    const rowsInDom = await table.locator("tbody tr[data-index]").count();
    const heapBytes = await usedHeapBytes(page);

    // Again from the gallery page, the list already read: what rendering 10,000 versions costs by itself.
    await page.waitForLoadState("networkidle");
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: SCALE_SEED.galleryName(1) })
      .click();
    const definitionLink = page
      .getByRole("main")
      .getByRole("link", { name: SCALE_SEED.definitionName(1), exact: true })
      .first();
    await definitionLink.waitFor({ timeout: 60_000 });
    const t1 = Date.now();
    await definitionLink.click();
    await page.waitForFunction(
      (n) => document.querySelector("table[aria-rowcount]")?.getAttribute("aria-rowcount") === String(n + 1),
      VERSION_COUNT,
      { timeout: 120_000, polling: "raf" },
    );
    const warmRenderMs = Date.now() - t1;

    // Let replication reads of the rows on screen finish, so keystrokes are measured on an idle page.
    await page.waitForLoadState("networkidle");
    const filter = page.getByLabel("Filter versions");
    await filter.click();
    const keystrokeMs: number[] = [];
    const names = Array.from({ length: VERSION_COUNT }, (_, i) => SCALE_SEED.versionName(i + 1));
    let typed = "1.0.";
    await filter.fill(typed);
    // 1.0.9 → 1.0.99 → 1.0.999 narrow 1,111 → 111 → 11 rows; Backspace widens again: every key changes the rows.
    for (const key of ["9", "9", "9", "Backspace", "Backspace", "5", "Backspace", "9", "Backspace", "Backspace"]) {
      typed = key === "Backspace" ? typed.slice(0, -1) : typed + key;
      const expected = names.filter((name) => name.includes(typed)).length;
      keystrokeMs.push(await timedKeystroke(page, key, expected));
    }
    return {
      versions: VERSION_COUNT,
      firstRowsMs,
      renderMs,
      warmRenderMs,
      rowsInDom,
      replicationReads,
      keystrokeMs,
      heapBytes,
    };
  });
}
