import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  // One retry, so a test that meets another worker's persona changes mid-run is tried again; Playwright reports
  // such a pass as "flaky" in the output, so the race stays visible and gets fixed rather than hidden.
  retries: 1,
  reporter: [["list"]],
  use: {
    // Set by the global setup, which picks free ports; workers start after it and inherit the environment.
    baseURL: process.env.GALLERIST_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: existsSync(DEBIAN_CHROMIUM)
      ? {
          executablePath: DEBIAN_CHROMIUM,
          args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-sandbox"],
        }
      : {},
  },
  projects: [
    { name: "personas", testMatch: /personas\.setup\.ts/ },
    { name: "chromium", dependencies: ["personas"], testIgnore: /\.setup\.ts/ },
  ],
});
