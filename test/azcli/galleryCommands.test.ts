import { execFile, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_PRINCIPALS } from "../../emulator/seed/demoIdentities.js";
import { startTestEmulator } from "../../emulator/testing/harness.js";

const run = promisify(execFile);
const azPath = spawnSync("sh", ["-c", "command -v az"], { encoding: "utf8" }).stdout.trim();
const SKIP_REASON =
  "SKIPPED: the Azure CLI (`az`) is not installed. .ci/run installs Debian's azure-cli; on a developer machine: " +
  "apt-get install azure-cli.";

const S = "c0000000-0000-4000-8001-000000000001";
const MANAGED_IMAGE = `/subscriptions/${S}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-ubuntu-2204-gen2-eu`;
const PACKAGE = "https://contosoapps.blob.core.windows.net/packages/inventory/1.0.0/agent.tar.gz";
const DEFINITION = `/subscriptions/${S}/resourceGroups/rg-cli-apps/providers/Microsoft.Compute/galleries/cli_apps/images/ubuntu`;
const nic = (vm: string) =>
  `/subscriptions/${S}/resourceGroups/rg-cli-vms/providers/Microsoft.Network/networkInterfaces/${vm}-nic`;

/**
 * The gallery commands of Debian's az 2.45 that docs/azure-cli.md lists, each step's JSON printed after a
 * `### name` line. Where 2.45 itself is broken the script does what docs/azure-cli.md tells a user to do.
 */
function script(sp: { appId: string; secret: string; tenant: string }, templateFile: string) {
  return String.raw`
EMULATOR="http://127.0.0.1:$EMULATOR_PORT"
export AZURE_CONFIG_DIR="$EMULATOR_DATA_DIR/az" AZURE_CORE_COLLECT_TELEMETRY=false
export REQUESTS_CA_BUNDLE="$EMULATOR_DATA_DIR/tls/ca.pem" HTTPS_PROXY="$EMULATOR" NO_PROXY=
advance() { curl -sf -X POST -H "Content-Type: application/json" -d '{"advanceSeconds": 3600}' "$EMULATOR/_emulator/clock" >/dev/null; }
step() { echo "### $1"; }
az cloud register -n GalleristEmulator --endpoint-resource-manager "https://127.0.0.1:$EMULATOR_TLS_PORT/" >/dev/null
az cloud set -n GalleristEmulator
az login --service-principal -u ${sp.appId} -p ${sp.secret} --tenant ${sp.tenant} -o none
az account set -s ${S}
az group create -n rg-cli-apps -l westeurope -o none
az group create -n rg-cli-vms -l westeurope -o none
az sig create -g rg-cli-apps -r cli_apps -l westeurope -o none
A="-g rg-cli-apps -r cli_apps"

step app-create
az sig gallery-application create $A -n inventory-agent --os-type Linux -l westeurope --description "Inventory agent" -o json
step app-update
az sig gallery-application update $A -n inventory-agent -l westeurope --description "Inventory agent for Linux" -o json
step app-list
az sig gallery-application list $A -o json
step app-show
az sig gallery-application show $A -n inventory-agent -o json
# Replication takes emulated minutes: --no-wait, then the clock moves (az would poll in real time meanwhile).
REGIONS='[{"name": "westeurope"}, {"name": "northeurope", "regionalReplicaCount": 2}]'
az sig gallery-application version create $A --application-name inventory-agent -n 1.0.0 -l westeurope \
  --package-file-link ${PACKAGE} --install-command "tar -xzf agent.tar.gz && ./install.sh" \
  --remove-command "./uninstall.sh" --target-regions "$REGIONS" --no-wait
advance
step version-create
az sig gallery-application version show $A --application-name inventory-agent -n 1.0.0 -o json
step version-update-2.45
az sig gallery-application version update $A --application-name inventory-agent -n 1.0.0 \
  --package-file-link ${PACKAGE} --end-of-life-date 2030-01-01T00:00:00Z 2>&1 && echo UNEXPECTED || true
az sig gallery-application version create $A --application-name inventory-agent -n 1.0.0 -l westeurope \
  --package-file-link ${PACKAGE} --install-command "tar -xzf agent.tar.gz && ./install.sh" \
  --remove-command "./uninstall.sh" --target-regions "$REGIONS" --end-of-life-date 2030-01-01T00:00:00Z --no-wait
advance
step version-update
az sig gallery-application version show $A --application-name inventory-agent -n 1.0.0 -o json
step version-list
az sig gallery-application version list $A --application-name inventory-agent -o json
step version-show
az sig gallery-application version show $A --application-name inventory-agent -n 1.0.0 -o json
az sig gallery-application version delete $A --application-name inventory-agent -n 1.0.0 --yes
advance
step version-list-after-delete
az sig gallery-application version list $A --application-name inventory-agent -o json
az sig gallery-application delete $A -n inventory-agent --yes
advance
step app-list-after-delete
az sig gallery-application list $A -o json

az sig image-definition create $A -i ubuntu --publisher Contoso --offer Ubuntu --sku 22_04 --os-type Linux \
  --hyper-v-generation V2 --features SecurityType=TrustedLaunchSupported -o none
az sig image-version create $A -i ubuntu -e 1.0.0 --managed-image ${MANAGED_IMAGE} --target-regions westeurope --no-wait
advance
step version-target-regions
az sig image-version update $A -i ubuntu -e 1.0.0 --target-regions westeurope northeurope=2 --no-wait
advance
az sig image-version show $A -i ubuntu -e 1.0.0 -o json
step version-add-set
az sig image-version update $A -i ubuntu -e 1.0.0 --add publishingProfile.targetRegions name=swedencentral \
  --set tags.stage=test --no-wait
advance
az sig image-version show $A -i ubuntu -e 1.0.0 -o json

step validate
az deployment group validate -g rg-cli-vms --template-file ${templateFile} -o json
az vm create -g rg-cli-vms -n vm-version --image ${DEFINITION}/versions/1.0.0 --admin-username azureuser \
  --admin-password 'Demo#12345678' --nics ${nic("vm-version")} --no-wait
az vm create -g rg-cli-vms -n vm-definition --image ${DEFINITION} --admin-username azureuser \
  --admin-password 'Demo#12345678' --nics ${nic("vm-definition")} --security-type TrustedLaunch \
  --enable-secure-boot true --enable-vtpm true --no-wait
advance
step deployments
az deployment group list -g rg-cli-vms -o json
for vm in vm-version vm-definition; do
  step "vm $vm"
  az rest --method get --url "https://127.0.0.1:$EMULATOR_TLS_PORT/subscriptions/${S}/resourceGroups/rg-cli-vms/providers/Microsoft.Compute/virtualMachines/$vm?api-version=2024-07-01"
done

az sig create -g rg-cli-apps -r cli_community -l westeurope --permissions Community --publisher-uri https://contoso.example \
  --publisher-email images@contoso.example --eula https://contoso.example/eula --public-name-prefix contosocli -o none
az sig share enable-community -g rg-cli-apps -r cli_community -o none
step list-community
az sig list-community --location westeurope -o json
`;
}

/** The output split at the `### name` lines; each part parsed as JSON where it is JSON, else kept as text. */
function steps(stdout: string): Map<string, any> {
  const parts = new Map<string, any>();
  const chunks = stdout.split(/^### /m).slice(1);
  for (const chunk of chunks) {
    const newline = chunk.indexOf("\n");
    const name = chunk.slice(0, newline).trim();
    const body = chunk.slice(newline + 1).trim();
    try {
      parts.set(name, JSON.parse(body));
    } catch {
      parts.set(name, body);
    }
  }
  return parts;
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
        env.EMULATOR_DATA_DIR = emulator.dataDir;
        env.EMULATOR_PORT = new URL(emulator.url).port;
        env.EMULATOR_TLS_PORT = new URL(emulator.emulator.tls!.url).port;
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
        const sp = DEMO_SERVICE_PRINCIPALS.automation;
        const { stdout } = await run(
          "bash",
          ["-euo", "pipefail", "-c", script({ appId: sp.appId, secret: sp.secret, tenant: sp.tenantId }, templateFile)],
          { env, maxBuffer: 16 * 1024 * 1024 },
        ).catch((e: { message: string; stdout: string; stderr: string }) => {
          throw new Error(
            `az failed: ${e.message}\n--- stderr ---\n${e.stderr}\n--- stdout ---\n${e.stdout.slice(-4000)}`,
          );
        });
        const out = steps(stdout);

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
        expect(out.get("version-update").publishingProfile.endOfLifeDate).toMatch(/^2030-01-01T00:00:00/);
        expect(out.get("version-list").map((v: any) => v.name)).toEqual(["1.0.0"]);
        expect(out.get("version-show").publishingProfile.manageActions.install).toBe(
          "tar -xzf agent.tar.gz && ./install.sh",
        );
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
