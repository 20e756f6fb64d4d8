import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients } from "@/lib/azure/clients";
import {
  type ApplicationDeploymentSpec,
  type ApplicationTarget,
  applicationCheckedDeployment,
} from "@/lib/consumer/applicationSnippets";
import { listConsumerApplications } from "@/lib/queries/consumerApplications";
import { validateDeployment } from "@/lib/queries/consumerDeployments";
import type { Subscription } from "@/lib/queries/subscriptions";

const PRODUCTION = "c0000000-0000-4000-8001-000000000001";
const APPS = `/subscriptions/${PRODUCTION}/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/galleries/contoso_vm_apps/applications`;

describe("VM Applications a user can use, against the demo seed", () => {
  let em: TestEmulator;
  const megan = DEMO_PERSONA_USERS["platform-admin"].upn;
  const adele = DEMO_PERSONA_USERS.consumer.upn;

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterEach(async () => {
    await em.fetch("/_emulator/faults", { method: "DELETE" });
  });
  afterAll(() => em.close());

  async function applicationsOf(upn: string) {
    const arm = createArmClients(em.url, em.credential(upn));
    const subscriptions = (await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01")).map(
      (s) => s.subscriptionId,
    );
    return listConsumerApplications(arm, subscriptions, new Date(em.emulator.ctx.clock.now()));
  }

  it("lists the applications and versions Resource Graph indexes, and the same by ARM listing when it fails", async () => {
    const graph = await applicationsOf(megan);
    expect(graph.source).toBe("resourceGraph");
    const names = (r: typeof graph) => r.applications.map((a) => `${a.galleryName}/${a.name}`);
    expect(names(graph)).toEqual(
      expect.arrayContaining(["contoso_vm_apps/log-shipper", "contoso_vm_apps/monitoring-agent"]),
    );
    const shipper = graph.applications.find((a) => a.name === "log-shipper")!;
    expect(shipper.supportedOSType).toBe("Linux");
    expect(shipper.versions.map((v) => v.name)).toEqual(["2.2.0", "2.1.0", "2.0.0"]);
    expect(shipper.versions[0]!.excludeFromLatest).toBe(true);
    expect(shipper.regions).toEqual(["eastus", "westeurope"]);

    await em.fetch("/_emulator/faults", {
      method: "PUT",
      body: JSON.stringify({ rules: [{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 503 }] }),
    });
    const listed = await applicationsOf(megan);
    expect(listed.source).toBe("armListing");
    expect(listed.fallbackReason?.status).toBe(503);
    expect(names(listed).sort()).toEqual(names(graph).sort());
  });

  it("shows a consumer without a role on any application none", async () => {
    expect((await applicationsOf(adele)).applications).toEqual([]);
  });

  it.each<ApplicationTarget>(["virtualMachine", "virtualMachineScaleSet"])(
    "validates a %s that installs the version where it has replicated, and reports Compute's refusal elsewhere",
    async (target) => {
      const arm = createArmClients(em.url, em.credential(megan));
      const spec = (location: string, packageReferenceId = `${APPS}/log-shipper/versions/2.1.0`) =>
        ({
          packageReferenceId,
          osType: "Linux",
          target,
          location,
          resourceGroup: "rg-vm-apps",
          vmName: "app-check-01",
          vmSize: "Standard_D2s_v5",
          adminUsername: "azureuser",
          order: 1,
          configurationReference: "https://contosoapps.blob.core.windows.net/config/log-shipper.json",
        }) satisfies ApplicationDeploymentSpec;
      const request = (s: ApplicationDeploymentSpec) => {
        const deployment = applicationCheckedDeployment(s);
        return {
          subscriptionId: PRODUCTION,
          resourceGroup: deployment.resourceGroup,
          deploymentName: `app-check-${s.location}`,
          template: deployment.template,
          parameters: deployment.parameters(() => "k"),
        };
      };
      const resourceType =
        target === "virtualMachine" ? "virtualMachines/app-check-01" : "virtualMachineScaleSets/app-check-01";
      const usable = await validateDeployment(arm, request(spec("westeurope")));
      expect(usable).toMatchObject({ ok: true, status: 200 });
      expect(usable.ok && usable.validatedResources).toContain(
        `/subscriptions/${PRODUCTION}/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/${resourceType}`,
      );

      const profile = target === "virtualMachine" ? "applicationProfile" : "virtualMachineProfile.applicationProfile";
      const refused = await validateDeployment(arm, request(spec("northeurope")));
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: "InvalidTemplateDeployment",
          details: [
            {
              code: "GalleryApplicationVersionNotFound",
              target: `${profile}.galleryApplications[0]`,
              message: expect.stringContaining("is not available in northeurope region"),
            },
          ],
        },
      });

      // A Windows application on the Linux VM of the snippets is refused on its entry.
      const wrongOs = await validateDeployment(
        arm,
        request(spec("westus2", `${APPS}/monitoring-agent/versions/1.1.0`)),
      );
      expect(wrongOs).toMatchObject({ ok: false, error: { details: [{ code: "InvalidParameter" }] } });
    },
  );
});
