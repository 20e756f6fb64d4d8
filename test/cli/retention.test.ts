import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SERVICE_PRINCIPALS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import {
  DEMO_LIFECYCLE_DEFINITION,
  DEMO_LIFECYCLE_GALLERY,
  DEMO_LIFECYCLE_RESOURCE_GROUP,
  DEMO_LIFECYCLE_VERSIONS,
} from "@/emulator/seed/demoLifecycle";
import { collect } from "@/emulator/testing/computeFixture";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { galleryImageResourceId, galleryResourceId } from "@/lib/azure/resourceId";

/**
 * `npx gallerist retention plan|apply` as a pipeline runs it: a child process signing in as the demo's automation
 * service principal (client credentials against the emulator's token endpoint), against the demo's
 * contoso_lifecycle_images.
 */

const BIN = fileURLToPath(new URL("../../bin/gallerist.mjs", import.meta.url));
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const SP = DEMO_SERVICE_PRINCIPALS.automation;
const SCOPE = galleryImageResourceId(
  PROD,
  DEMO_LIFECYCLE_RESOURCE_GROUP,
  DEMO_LIFECYCLE_GALLERY,
  DEMO_LIFECYCLE_DEFINITION,
);
const POLICY = ["--keep", "2", "--older-than", "90", "--end-of-life-after", "30"];

interface PlanJson {
  galleries: string[];
  readOnlyGalleries: string[];
  freed: { versions: number; replicas: number; storageGB: number };
  decisions: {
    id: string;
    name: string;
    action: string;
    keepReasons: { code: string }[];
    deleteReasons: { code: string }[];
  }[];
  outcomes?: { name: string; status: string; error?: string }[];
}

// Each test starts the CLI (tsx compiling it) once or more: on a loaded machine that outlasts the default 30 s.
describe("gallerist retention (CLI) against the emulator with a service principal", { timeout: 180_000 }, () => {
  let em: TestEmulator;

  function gallerist(args: string[], secret: string = SP.secret, principal: { tenantId: string; appId: string } = SP) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH,
          AZURE_TENANT_ID: principal.tenantId,
          AZURE_CLIENT_ID: principal.appId,
          AZURE_CLIENT_SECRET: secret,
          AZURE_AUTHORITY_HOST: em.url,
          ARM_ENDPOINT: em.url,
        },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }
  const versionNames = async () =>
    (
      await collect(
        em
          .compute("megan@contoso.onmicrosoft.com", PROD)
          .galleryImageVersions.listByGalleryImage(
            DEMO_LIFECYCLE_RESOURCE_GROUP,
            DEMO_LIFECYCLE_GALLERY,
            DEMO_LIFECYCLE_DEFINITION,
          ),
      )
    )
      .map((v) => v.name!)
      .sort();

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterAll(() => em.close());

  it("plans as JSON: what goes and why, what stays and why, and the storage freed", async () => {
    const { code, stdout, stderr } = await gallerist([
      "retention",
      "plan",
      "--scope",
      SCOPE,
      ...POLICY,
      "--output",
      "json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as PlanJson;
    const byName = new Map(plan.decisions.map((d) => [d.name, d]));
    expect(plan.decisions.filter((d) => d.action === "delete").map((d) => d.name)).toEqual(["1.1.0", "0.9.0"]);
    expect(byName.get("1.1.0")!.deleteReasons.map((r) => r.code)).toEqual(["endOfLife", "olderThan"]);
    expect(byName.get("1.0.0")!.keepReasons.map((r) => r.code)).toEqual(["inUse"]);
    expect(byName.get("1.2.0")!.keepReasons.map((r) => r.code)).toEqual(["inUse"]);
    expect(byName.get("1.3.0")!.keepReasons.map((r) => r.code)).toEqual(["protected"]);
    expect(byName.get("1.6.0")!.keepReasons.map((r) => r.code)).toEqual(["newest", "latest"]);
    // Two versions × (East US 2 replicas + West Europe 1) × a 30 GiB OS disk.
    expect(plan.freed).toEqual({ versions: 2, replicas: 6, storageGB: 180 });
  });

  it("plans as a table, saying how far the usage count reaches", async () => {
    const { code, stdout } = await gallerist(["retention", "plan", "--scope", SCOPE, ...POLICY]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^DELETE\s+web-frontend 1\.1\.0\s+2×3\s+90 GiB\s+end of life/m);
    expect(stdout).toContain("2 to delete, freeing 6 replicas and 180 GiB; 6 kept.");
    expect(stdout).toMatch(/Usage counted in the \d+ subscriptions this identity can read/);
  });

  it("--scope all plans over every gallery the identity can write and leaves out those it can only read", async () => {
    const lifecycleGallery = galleryResourceId(PROD, DEMO_LIFECYCLE_RESOURCE_GROUP, DEMO_LIFECYCLE_GALLERY);
    const byOwner = JSON.parse(
      (await gallerist(["retention", "plan", "--scope", "all", ...POLICY, "--output", "json"])).stdout,
    ) as PlanJson;
    const definitionScope = JSON.parse(
      (await gallerist(["retention", "plan", "--scope", SCOPE, ...POLICY, "--output", "json"])).stdout,
    ) as PlanJson;
    expect(byOwner.galleries).toContain(lifecycleGallery);
    expect(byOwner.readOnlyGalleries).toEqual([]);
    const decisionsOf = (plan: PlanJson) =>
      plan.decisions
        .filter((d) => d.id.startsWith(`${SCOPE}/versions/`))
        .map((d) => `${d.name} ${d.action}`)
        .sort();
    // The same engine over a wider scope decides the definition's versions the same way.
    expect(decisionsOf(byOwner)).toEqual(decisionsOf(definitionScope));
    expect(new Set(byOwner.decisions.map((d) => d.id.split("/images/")[0])).size).toBeGreaterThan(1);

    // The image pipeline publishes to rg-images-prod and rg-shared-images; made a Reader of the lifecycle gallery.
    const pipeline = DEMO_SERVICE_PRINCIPALS.imagePipeline;
    const assignment = await em.fetch(
      `${lifecycleGallery}/providers/Microsoft.Authorization/roleAssignments/5e1f0000-0000-4000-8000-000000000018?api-version=2022-04-01`,
      {
        method: "PUT",
        as: "megan@contoso.onmicrosoft.com",
        body: JSON.stringify({
          properties: {
            roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
            principalId: pipeline.objectId,
            principalType: "ServicePrincipal",
          },
        }),
      },
    );
    expect(assignment.status, await assignment.text()).toBeLessThan(300);
    const asPipeline = await gallerist(
      ["retention", "plan", "--scope", "all", ...POLICY, "--output", "json"],
      pipeline.secret,
      pipeline,
    );
    expect(asPipeline.code).toBe(0);
    const limited = JSON.parse(asPipeline.stdout) as PlanJson;
    expect(limited.readOnlyGalleries).toEqual([lifecycleGallery]);
    expect(limited.galleries.length).toBeGreaterThan(0);
    expect(limited.galleries.every((id) => /\/resourceGroups\/rg-(images-prod|shared-images)\//i.test(id))).toBe(true);
    expect(limited.decisions.some((d) => d.id.startsWith(lifecycleGallery))).toBe(false);
    const table = await gallerist(["retention", "plan", "--scope", "all", ...POLICY], pipeline.secret, pipeline);
    expect(table.stdout).toContain(
      `Left out: 1 gallery this identity can read but not write (${DEMO_LIFECYCLE_GALLERY}).`,
    );
    expect(table.stdout).toMatch(/^(DELETE|keep)\s+\w+\/[\w.-]+ \d/m);
  });

  it("exits 2 on bad arguments and 1 when it cannot sign in", async () => {
    expect((await gallerist(["retention", "plan", "--scope", SCOPE])).code).toBe(2);
    expect((await gallerist(["retention", "prune", "--scope", SCOPE, ...POLICY])).code).toBe(2);
    const refused = await gallerist(["retention", "plan", "--scope", SCOPE, ...POLICY], "wrong");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("invalid_client");
  });

  it("apply --set-end-of-life sets the plan's versions' end of life instead of deleting them", async () => {
    const date = "2030-01-01T00:00:00.000Z";
    const { code, stdout } = await gallerist([
      "retention",
      "apply",
      "--scope",
      SCOPE,
      ...POLICY,
      "--set-end-of-life",
      date,
      "--output",
      "json",
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as PlanJson;
    expect(result.outcomes!.map((o) => `${o.name} ${o.status}`).sort()).toEqual([
      "0.9.0 endOfLifeSet",
      "1.1.0 endOfLifeSet",
    ]);
    const client = em.compute("megan@contoso.onmicrosoft.com", PROD);
    for (const name of ["0.9.0", "1.1.0"]) {
      const version = await client.galleryImageVersions.get(
        DEMO_LIFECYCLE_RESOURCE_GROUP,
        DEMO_LIFECYCLE_GALLERY,
        DEMO_LIFECYCLE_DEFINITION,
        name,
      );
      expect(version.publishingProfile!.endOfLifeDate!.toISOString()).toBe(date);
    }
    expect(await versionNames()).toEqual(DEMO_LIFECYCLE_VERSIONS.map((v) => v.name));
  });

  it("apply exits non-zero when a deletion fails, reporting it, and deletes the rest", async () => {
    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({
        rules: [{ name: "busy", pathPattern: "**/versions/0.9.0", method: ["DELETE"], status: 500, rate: 1 }],
      }),
    });
    const { code, stdout } = await gallerist(["retention", "apply", "--scope", SCOPE, ...POLICY, "--output", "json"]);
    await em.fetch("/_emulator/faults", { method: "DELETE" });
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as PlanJson;
    expect(result.outcomes!.map((o) => `${o.name} ${o.status}`).sort()).toEqual(["0.9.0 failed", "1.1.0 deleted"]);
    expect(await versionNames()).toEqual(DEMO_LIFECYCLE_VERSIONS.map((v) => v.name).filter((n) => n !== "1.1.0"));
  });

  it("apply deletes exactly the plan and exits 0; run again, nothing is left to delete", async () => {
    const { code } = await gallerist(["retention", "apply", "--scope", SCOPE, ...POLICY, "--output", "json"]);
    expect(code).toBe(0);
    expect(await versionNames()).toEqual(["1.0.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0"]);
    const again = JSON.parse(
      (await gallerist(["retention", "plan", "--scope", SCOPE, ...POLICY, "--output", "json"])).stdout,
    );
    expect(again.freed.versions).toBe(0);
  });
});
