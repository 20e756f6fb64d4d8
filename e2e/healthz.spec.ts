import { openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import packageJson from "../package.json" with { type: "json" };
import { freePort, startNext, stopChild, waitForHttp } from "../scripts/processes.mjs";

/**
 * Issue 19, item 6: the probe a container platform calls. The run's dashboard is the standalone server (the
 * global setup starts `.next/standalone/server.js`), so these requests reach the deployable build.
 */

test("/healthz answers 200 with the status, the version and the mode, uncached and without sign-in", async ({
  playwright,
}) => {
  // A fresh context: no persona's browser state, as a platform's probe has none.
  const request = await playwright.request.newContext({ baseURL: process.env.GALLERIST_BASE_URL });
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  // It passes through proxy.ts like every page, so it carries the same hardening headers.
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect(await response.json()).toEqual({ status: "ok", version: packageJson.version, mode: "emulator" });
  await request.dispose();
});

test("/healthz answers 503 naming the variable when the configuration is invalid", async ({ playwright }) => {
  const port = await freePort();
  const log = join(tmpdir(), `gallerist-healthz-${port}.log`);
  const server = startNext({
    mode: "start",
    port,
    stdio: ["ignore", openSync(log, "a"), openSync(log, "a")],
    env: { NEXT_PUBLIC_AZURE_CLIENT_ID: "not-a-client-id" },
  });
  const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    // The sign-in page still renders (it explains nothing is configured); the probe is what reports the fault.
    await waitForHttp(`http://127.0.0.1:${port}/redirect`, { child: server, name: "The misconfigured dashboard" });
    const response = await request.get("/healthz");
    expect(response.status()).toBe(503);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "misconfigured", version: packageJson.version });
    expect(body.error).toContain("NEXT_PUBLIC_AZURE_CLIENT_ID");
  } catch (error) {
    console.error(readFileSync(log, "utf8").slice(-4000));
    throw error;
  } finally {
    await request.dispose();
    await stopChild(server);
    rmSync(log, { force: true });
  }
});
