import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_PRINCIPALS, DEMO_USERS } from "../../emulator/seed/demoIdentities.js";
import { startTestEmulator } from "../../emulator/testing/harness.js";

const run = promisify(execFile);
const RECIPE_DOC = fileURLToPath(new URL("../../docs/azure-cli.md", import.meta.url));
const READER_ROLE = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

const azPath = spawnSync("sh", ["-c", "command -v az"], { encoding: "utf8" }).stdout.trim();
const SKIP_REASON =
  "SKIPPED: the Azure CLI (`az`) is not installed, so the Azure CLI recipe of docs/azure-cli.md cannot run here. " +
  ".ci/run installs Debian's azure-cli; on a developer machine: apt-get install azure-cli.";
if (!azPath) console.warn(`[test/azcli] ${SKIP_REASON}`);

/** The shell block of docs/azure-cli.md between the azure-cli-recipe markers: the test runs exactly what readers copy. */
function recipeFromDocs(): string {
  const text = readFileSync(RECIPE_DOC, "utf8");
  const m = /<!-- azure-cli-recipe:start -->\s*```sh\n([\s\S]*?)```\s*<!-- azure-cli-recipe:end -->/.exec(text);
  if (!m)
    throw new Error(
      "docs/azure-cli.md has no ```sh block between <!-- azure-cli-recipe:start --> and <!-- azure-cli-recipe:end -->.",
    );
  return m[1]!;
}

/** az prints one JSON document per command; this splits the concatenation. */
function jsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if ((c === "}" || c === "]") && --depth === 0) {
      docs.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return docs;
}

type Account = { id: string; name: string; user: { name: string; type: string } };
const isAccountList = (d: unknown): d is Account[] =>
  Array.isArray(d) && d.length > 0 && d.every((a) => a?.user?.type && a?.cloudName);
const subscriptionOf = (id: string) => id.split("/")[2]!.toLowerCase();

describe("the Azure CLI recipe of docs/azure-cli.md against a fresh emulator over TLS", () => {
  it.skipIf(!azPath)(
    azPath
      ? "signs in, publishes and replicates a version, lists galleries and shares one, with the real az"
      : SKIP_REASON,
    async () => {
      const emulator = await startTestEmulator({ seed: "demo", tls: true, tlsPort: 0, lroSeconds: 0 });
      try {
        // The recipe sets every az variable it needs; ones from the developer's shell (output format, defaults,
        // proxies) must not change what it prints.
        const env: NodeJS.ProcessEnv = { ...process.env };
        for (const name of Object.keys(env)) {
          if (/^(AZURE_|AZ_|HTTPS?_PROXY$|NO_PROXY$|REQUESTS_CA_BUNDLE$)/i.test(name)) delete env[name];
        }
        env.EMULATOR_DATA_DIR = emulator.dataDir;
        env.EMULATOR_PORT = new URL(emulator.url).port;
        env.EMULATOR_TLS_PORT = new URL(emulator.emulator.tls!.url).port;
        const { stdout } = await run("bash", ["-euo", "pipefail", "-c", recipeFromDocs()], {
          env,
          maxBuffer: 16 * 1024 * 1024,
        }).catch((e: { message: string; stdout: string; stderr: string }) => {
          throw new Error(
            `The recipe failed: ${e.message}\n--- stderr ---\n${e.stderr}\n--- stdout (tail) ---\n${e.stdout.slice(-4000)}`,
          );
        });
        const docs = jsonDocuments(stdout);

        const logins = docs.filter(isAccountList);
        const servicePrincipal = logins.find((l) => l[0]!.user.type === "servicePrincipal");
        expect(servicePrincipal?.map((a) => a.user.name)).toEqual(
          Array(3).fill(DEMO_SERVICE_PRINCIPALS.automation.appId),
        );
        const user = logins.find((l) => l[0]!.user.type === "user");
        expect(user?.every((a) => a.user.name === DEMO_USERS.megan.upn)).toBe(true);

        const galleryIds = docs
          .filter((d): d is string[] => Array.isArray(d) && d.length > 0 && d.every((x) => typeof x === "string"))
          .flat()
          .filter((id) => /\/providers\/Microsoft\.Compute\/galleries\/[^/]+$/i.test(id));
        expect(new Set(galleryIds.map(subscriptionOf)).size).toBeGreaterThanOrEqual(2);

        const version = docs.find((d) => (d as { version?: string })?.version === "1.0.0") as {
          provisioningState: string;
          replication: { aggregatedState: string; summary: { region: string; state: string; progress: number }[] };
        };
        expect(version).toBeDefined();
        expect(version.provisioningState).toBe("Succeeded");
        expect(version.replication.aggregatedState).toBe("Completed");
        expect(version.replication.summary.map((r) => [r.region, r.state, r.progress]).sort()).toEqual([
          ["North Europe", "Completed", 100],
          ["West Europe", "Completed", 100],
        ]);

        const assignments = docs.filter(
          (d): d is { principalId: string; roleDefinitionId: string; scope: string }[] =>
            Array.isArray(d) &&
            d.length > 0 &&
            d.every((a) => typeof a?.principalId === "string" && typeof a?.scope === "string"),
        );
        expect(assignments).toHaveLength(1);
        const shared = assignments[0]!.find((a) => a.principalId === DEMO_USERS.adele.objectId);
        expect(shared?.roleDefinitionId.toLowerCase()).toMatch(new RegExp(`/roledefinitions/${READER_ROLE}$`));
        expect(shared?.scope).toMatch(
          /\/resourceGroups\/rg-cli-images\/providers\/Microsoft\.Compute\/galleries\/cli_gallery$/,
        );
      } finally {
        await emulator.close();
      }
    },
    240_000,
  );
});
