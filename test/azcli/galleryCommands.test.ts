import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEMO_APPLICATION_PACKAGES } from "../../emulator/seed/demoApplications.js";
import { DEMO_SERVICE_PRINCIPALS } from "../../emulator/seed/demoIdentities.js";
import { startTestEmulator } from "../../emulator/testing/harness.js";

const run = promisify(execFile);
const azPath = spawnSync("sh", ["-c", "command -v az"], { encoding: "utf8" }).stdout.trim();
const SKIP_REASON =
  "SKIPPED: the Azure CLI (`az`) is not installed. .ci/run installs Debian's azure-cli; on a developer machine: " +
  "apt-get install azure-cli.";

const S = "c0000000-0000-4000-8001-000000000001";
const MANAGED_IMAGE = `/subscriptions/${S}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-ubuntu-2204-gen2-eu`;
/** A package the demo seed registers in its blob registry: a version's mediaLink must name a readable blob. */
const PACKAGE = DEMO_APPLICATION_PACKAGES.find((link) => link.includes("/log-shipper/2.1.0/"))!;
const DEFINITION = `/subscriptions/${S}/resourceGroups/rg-cli-apps/providers/Microsoft.Compute/galleries/cli_apps/images/ubuntu`;
const nic = (vm: string) =>
  `/subscriptions/${S}/resourceGroups/rg-cli-vms/providers/Microsoft.Network/networkInterfaces/${vm}-nic`;
const SP = DEMO_SERVICE_PRINCIPALS.automation;

/**
 * The Azure CLI itself, driven in one Python process: each command goes through `get_default_cli().invoke(argv)`,
 * the call `az`'s own entry point (azure/cli/__main__.py) makes, so what reaches the emulator is what `az` sends.
 * A separate `az` process costs one to two seconds of CPU before it sends anything (interpreter, module and
 * command-table loading), which made this test take minutes on a loaded CI box; in one process the modules load
 * once. Steps run in order; "advance" moves the emulator's clock an hour. Each named step's output (or, for a step
 * that must fail, its error) is written to a file of that name. The plan is JSON in argv[1], the output directory
 * argv[2].
 */
const DRIVER = String.raw`
import io, json, os, sys, urllib.request
from azure.cli.core import get_default_cli

plan, out_dir = json.load(open(sys.argv[1])), sys.argv[2]
real_stderr, log = sys.stderr, io.StringIO()
# The CLI's logger writes to the sys.stderr of its first invocation: one buffer for the run, read per step.
sys.stderr = log
for step in plan:
    if step == "advance":
        request = urllib.request.Request(os.environ["EMULATOR"] + "/_emulator/clock", data=b'{"advanceSeconds": 3600}',
                                         headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(request).read()
        continue
    out, at = io.StringIO(), log.tell()
    try:
        code = get_default_cli().invoke(step["args"], out_file=out)
    except SystemExit as exit:
        code = exit.code or 0
    errors = log.getvalue()[at:]
    fails = step.get("fails", False)
    if step.get("name"):
        with open(os.path.join(out_dir, step["name"]), "w") as f:
            f.write(errors if fails else out.getvalue())
    if (code != 0) != fails:
        real_stderr.write("az %s: exit %s\n%s%s\n" % (" ".join(step["args"]), code, errors, out.getvalue()))
        sys.exit(1)
`;

/** The interpreter `az` runs on: its script's shebang (Debian's package) or the python it execs (Microsoft's). */
function azPython(): string {
  const text = readFileSync(azPath, "utf8");
  const python = /^#!\s*(\S*python[\d.]*)/.exec(text)?.[1] ?? /(\/\S*\/python[\d.]*)\b/.exec(text)?.[1];
  if (!python) throw new Error(`Cannot tell which Python ${azPath} runs on.`);
  return python;
}

/** The step files, each parsed as JSON where it is JSON, else kept as text. */
function steps(dir: string): Map<string, any> {
  const parts = new Map<string, any>();
  for (const name of readdirSync(dir)) {
    const body = readFileSync(join(dir, name), "utf8").trim();
    try {
      parts.set(name, JSON.parse(body));
    } catch {
      parts.set(name, body);
    }
  }
  return parts;
}

type Step = "advance" | { name?: string; args: string[]; fails?: boolean };

/**
 * The gallery commands of Debian's az 2.45 that docs/azure-cli.md lists, in order, the named ones' output checked.
 * Where 2.45 itself is broken the plan does what docs/azure-cli.md tells a user to do.
 */
function plan(emulatorTlsPort: string, templateFile: string): Step[] {
  /** An argv: plain strings split at spaces, arrays (values that hold spaces) kept whole. */
  const az = (...parts: (string | string[])[]) =>
    parts.flatMap((part) => (Array.isArray(part) ? part : part.split(" ")));
  const A = "-g rg-cli-apps -r cli_apps";
  const V = `${A} --application-name inventory-agent`;
  // Replication takes emulated minutes: --no-wait, then the clock moves (az would poll in real time meanwhile).
  const appVersion = (extra = "") =>
    az(
      `sig gallery-application version create ${V} -n 1.0.0 -l westeurope --package-file-link ${PACKAGE}`,
      ["--install-command", "tar -xzf log-shipper.tar.gz && ./install.sh", "--remove-command", "./uninstall.sh"],
      ["--target-regions", '[{"name": "westeurope"}, {"name": "northeurope", "regionalReplicaCount": 2}]'],
      `${extra} --no-wait`.trim(),
    );
  const vm = (name: string, image: string, extra = "") =>
    az(
      `vm create -g rg-cli-vms -n ${name} --image ${image} --admin-username azureuser --admin-password Demo#12345678`,
      `--nics ${nic(name)} ${extra} --no-wait`.replace(/ +/g, " "),
    );
  const vmUrl = (name: string) =>
    `https://127.0.0.1:${emulatorTlsPort}/subscriptions/${S}/resourceGroups/rg-cli-vms/providers/Microsoft.Compute/virtualMachines/${name}?api-version=2024-07-01`;
  return [
    {
      args: az(`cloud register -n GalleristEmulator --endpoint-resource-manager https://127.0.0.1:${emulatorTlsPort}/`),
    },
    { args: az("cloud set -n GalleristEmulator") },
    { args: az(`login --service-principal -u ${SP.appId} -p ${SP.secret} --tenant ${SP.tenantId} -o none`) },
    { args: az(`account set -s ${S}`) },
    { args: az("group create -n rg-cli-apps -l westeurope -o none") },
    { args: az("group create -n rg-cli-vms -l westeurope -o none") },
    { args: az(`sig create ${A} -l westeurope -o none`) },

    {
      name: "app-create",
      args: az(
        `sig gallery-application create ${A} -n inventory-agent --os-type Linux -l westeurope`,
        ["--description", "Inventory agent"],
        "-o json",
      ),
    },
    {
      name: "app-update",
      args: az(
        `sig gallery-application update ${A} -n inventory-agent -l westeurope`,
        ["--description", "Inventory agent for Linux"],
        "-o json",
      ),
    },
    { name: "app-list", args: az(`sig gallery-application list ${A} -o json`) },
    { name: "app-show", args: az(`sig gallery-application show ${A} -n inventory-agent -o json`) },
    { args: appVersion() },
    "advance",
    { name: "version-create", args: az(`sig gallery-application version show ${V} -n 1.0.0 -o json`) },
    // 2.45's own update command sends a PUT without manageActions (docs/azure-cli.md): it fails.
    {
      name: "version-update-2.45",
      fails: true,
      args: az(
        `sig gallery-application version update ${V} -n 1.0.0 --package-file-link ${PACKAGE}`,
        "--end-of-life-date 2030-01-01T00:00:00Z",
      ),
    },
    { args: appVersion("--end-of-life-date 2030-01-01T00:00:00Z") },
    "advance",
    { name: "version-update", args: az(`sig gallery-application version show ${V} -n 1.0.0 -o json`) },
    { name: "version-list", args: az(`sig gallery-application version list ${V} -o json`) },
    { args: az(`sig gallery-application version delete ${V} -n 1.0.0 --yes`) },
    "advance",
    { name: "version-list-after-delete", args: az(`sig gallery-application version list ${V} -o json`) },
    { args: az(`sig gallery-application delete ${A} -n inventory-agent --yes`) },
    "advance",
    { name: "app-list-after-delete", args: az(`sig gallery-application list ${A} -o json`) },

    {
      args: az(
        `sig image-definition create ${A} -i ubuntu --publisher Contoso --offer Ubuntu --sku 22_04 --os-type Linux`,
        "--hyper-v-generation V2 --features SecurityType=TrustedLaunchSupported -o none",
      ),
    },
    {
      args: az(
        `sig image-version create ${A} -i ubuntu -e 1.0.0 --managed-image ${MANAGED_IMAGE}`,
        "--target-regions westeurope --no-wait",
      ),
    },
    "advance",
    {
      args: az(`sig image-version update ${A} -i ubuntu -e 1.0.0 --target-regions westeurope northeurope=2 --no-wait`),
    },
    "advance",
    { name: "version-target-regions", args: az(`sig image-version show ${A} -i ubuntu -e 1.0.0 -o json`) },
    {
      args: az(
        `sig image-version update ${A} -i ubuntu -e 1.0.0 --add publishingProfile.targetRegions name=swedencentral`,
        "--set tags.stage=test --no-wait",
      ),
    },
    "advance",
    { name: "version-add-set", args: az(`sig image-version show ${A} -i ubuntu -e 1.0.0 -o json`) },

    { name: "validate", args: az(`deployment group validate -g rg-cli-vms --template-file ${templateFile} -o json`) },
    { args: vm("vm-version", `${DEFINITION}/versions/1.0.0`) },
    {
      args: vm(
        "vm-definition",
        DEFINITION,
        "--security-type TrustedLaunch --enable-secure-boot true --enable-vtpm true",
      ),
    },
    "advance",
    { name: "deployments", args: az("deployment group list -g rg-cli-vms -o json") },
    { name: "vm vm-version", args: az(`rest --method get --url ${vmUrl("vm-version")}`) },
    { name: "vm vm-definition", args: az(`rest --method get --url ${vmUrl("vm-definition")}`) },

    {
      args: az(
        "sig create -g rg-cli-apps -r cli_community -l westeurope --permissions Community",
        "--publisher-uri https://contoso.example --publisher-email images@contoso.example",
        "--eula https://contoso.example/eula --public-name-prefix contosocli -o none",
      ),
    },
    { args: az("sig share enable-community -g rg-cli-apps -r cli_community -o none") },
    { name: "list-community", args: az("sig list-community --location westeurope -o json") },
  ];
}

describe("the Azure CLI's gallery application, image version, deployment and community commands", () => {
  it.skipIf(!azPath)(
    azPath ? "drive the emulator with Debian's az 2.45" : SKIP_REASON,
    async () => {
      const emulator = await startTestEmulator({ seed: "demo", tls: true, tlsPort: 0, lroSeconds: 0 });
      try {
        const env: NodeJS.ProcessEnv = { ...process.env };
        for (const name of Object.keys(env)) {
          if (/^(AZURE_|AZ_|HTTPS?_PROXY$|NO_PROXY$|REQUESTS_CA_BUNDLE$)/i.test(name)) delete env[name];
        }
        Object.assign(env, {
          AZURE_CONFIG_DIR: join(emulator.dataDir, "az"),
          AZURE_CORE_COLLECT_TELEMETRY: "false",
          REQUESTS_CA_BUNDLE: join(emulator.dataDir, "tls", "ca.pem"),
          HTTPS_PROXY: emulator.url,
          NO_PROXY: "",
          EMULATOR: emulator.url,
        });
        const tlsPort = new URL(emulator.emulator.tls!.url).port;
        const outDir = join(emulator.dataDir, "steps");
        mkdirSync(outDir);
        const templateFile = join(emulator.dataDir, "vm.jsonc");
        // A template with comments: az sends the file's text as it is (JSONC), which ARM accepts.
        writeFileSync(
          templateFile,
          `{
  // One VM from the gallery definition's latest version
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "vmName": { "type": "string", "defaultValue": "vm-validate" } },
  "resources": [
    {
      /* the NIC is named, not created */
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "[parameters('vmName')]",
      "location": "[resourceGroup().location]",
      "properties": {
        "hardwareProfile": { "vmSize": "Standard_D2s_v5" },
        "storageProfile": { "imageReference": { "id": "${DEFINITION}" }, "osDisk": { "createOption": "FromImage" } },
        "osProfile": { "computerName": "vm-validate", "adminUsername": "azureuser", "adminPassword": "Demo#12345678" },
        "networkProfile": { "networkInterfaces": [{ "id": "[resourceId('Microsoft.Network/networkInterfaces', 'vm-validate-nic')]" }] }
      }
    }
  ]
}
`,
        );
        const planFile = join(emulator.dataDir, "plan.json");
        writeFileSync(planFile, JSON.stringify(plan(tlsPort, templateFile)));
        const driverFile = join(emulator.dataDir, "driver.py");
        writeFileSync(driverFile, DRIVER);
        await run(azPython(), [driverFile, planFile, outDir], { env, maxBuffer: 16 * 1024 * 1024 }).catch(
          (e: { message: string; stderr: string }) => {
            throw new Error(`az failed: ${e.message}\n--- stderr ---\n${e.stderr}`);
          },
        );
        const out = steps(outDir);

        expect(out.get("app-create")).toMatchObject({ name: "inventory-agent", supportedOsType: "Linux" });
        expect(out.get("app-update").description).toBe("Inventory agent for Linux");
        expect(out.get("app-list").map((a: any) => a.name)).toEqual(["inventory-agent"]);
        expect(out.get("app-show")).toMatchObject({
          description: "Inventory agent for Linux",
          supportedOSType: "Linux",
        });

        const created = out.get("version-create");
        expect(created.provisioningState).toBe("Succeeded");
        expect(created.publishingProfile.source.mediaLink).toBe(PACKAGE);
        expect(created.publishingProfile.targetRegions.map((r: any) => [r.name, r.regionalReplicaCount])).toEqual([
          ["West Europe", 1],
          ["North Europe", 2],
        ]);
        // 2.45's `version update` sends a PUT without manageActions, which the service requires.
        expect(out.get("version-update-2.45")).toContain(
          "Required parameter 'galleryApplicationVersion.properties.publishingProfile.manageActions' is missing",
        );
        const updated = out.get("version-update");
        expect(updated.publishingProfile.endOfLifeDate).toMatch(/^2030-01-01T00:00:00/);
        expect(updated.publishingProfile.manageActions.install).toBe("tar -xzf log-shipper.tar.gz && ./install.sh");
        expect(out.get("version-list").map((v: any) => v.name)).toEqual(["1.0.0"]);
        expect(out.get("version-list-after-delete")).toEqual([]);
        expect(out.get("app-list-after-delete")).toEqual([]);

        const regions = (step: string) =>
          out.get(step).publishingProfile.targetRegions.map((r: any) => [r.name, r.regionalReplicaCount]);
        expect(regions("version-target-regions")).toEqual([
          ["West Europe", 1],
          ["North Europe", 2],
        ]);
        expect(out.get("version-target-regions").storageProfile.source.id).toBe(MANAGED_IMAGE);
        expect(regions("version-add-set")).toEqual([
          ["West Europe", 1],
          ["North Europe", 2],
          ["Sweden Central", 1],
        ]);
        expect(out.get("version-add-set").tags).toEqual({ stage: "test" });

        expect(out.get("validate").properties).toMatchObject({
          provisioningState: "Succeeded",
          validatedResources: [
            {
              id: `/subscriptions/${S}/resourceGroups/rg-cli-vms/providers/Microsoft.Compute/virtualMachines/vm-validate`,
            },
          ],
        });
        const deployments = out.get("deployments") as any[];
        expect(deployments.map((d) => d.properties.provisioningState)).toEqual(["Succeeded", "Succeeded"]);
        expect(
          deployments.flatMap((d) => d.properties.outputResources.map((r: any) => r.id.split("/").pop())).sort(),
        ).toEqual(["vm-definition", "vm-version"]);
        expect(out.get("vm vm-version").properties.storageProfile.imageReference).toMatchObject({
          id: `${DEFINITION}/versions/1.0.0`,
          exactVersion: "1.0.0",
        });
        expect(out.get("vm vm-definition").properties).toMatchObject({
          storageProfile: { imageReference: { id: DEFINITION, exactVersion: "1.0.0" } },
          securityProfile: {
            securityType: "TrustedLaunch",
            uefiSettings: { secureBootEnabled: true, vTpmEnabled: true },
          },
        });

        const community = out.get("list-community") as any[];
        expect(community).toHaveLength(1);
        expect(community[0]).toMatchObject({
          location: "westeurope",
          communityMetadata: { publisherUri: "https://contoso.example", eula: "https://contoso.example/eula" },
        });
        expect(community[0].uniqueId).toBe(`/CommunityGalleries/${community[0].name}`);
        expect(community[0].name).toMatch(/^contosocli-/);
      } finally {
        await emulator.close();
      }
    },
    900_000,
  );
});
