import type { GalleryApplicationVersion } from "@azure/arm-compute";
import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { applicationVersionIdOf } from "@/lib/azure/routeParams";
import { fieldOfArmError } from "@/lib/publish/fieldErrors";
import { makeApplicationSchema } from "@/lib/publish/applicationForm";
import { applicationVersionValuesOf, makeApplicationVersionSchema } from "@/lib/publish/applicationVersionForm";
import {
  applicationQueries,
  applicationVersionQueries,
  deleteApplication,
  deleteApplicationVersion,
  putApplication,
  putApplicationVersion,
} from "@/lib/queries/galleryApplications";
import { scriptQueries } from "@/lib/queries/galleryScripts";
import { storageQueries, type StorageAccountSummary } from "@/lib/queries/storageBlobs";

/** The application queries and writes as the dashboard sends them (the forms' output), through the SDK to the emulator. */
describe("gallery application queries against the demo seed", () => {
  let em: TestEmulator;
  let arm: ArmClients;
  const subscriptionId = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
  const gallery = { subscriptionId, resourceGroupName: "rg-vm-apps", galleryName: "contoso_vm_apps" };
  const galleryId = `/subscriptions/${subscriptionId}/resourceGroups/rg-vm-apps/providers/Microsoft.Compute/galleries/contoso_vm_apps`;
  const run = <T>(options: { queryFn?: unknown }) =>
    (options.queryFn as (context: { signal: AbortSignal }) => Promise<T>)({ signal: new AbortController().signal });

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
    arm = createArmClients(em.url, em.credential(DEMO_PERSONA_USERS["platform-admin"].upn));
  });
  afterAll(() => em.close());

  it("lists the gallery's applications, scripts and profiles, and the demo's package blobs", async () => {
    const applications = await run<{ name?: string }[]>(applicationQueries.list(arm, galleryId));
    expect(applications.map((a) => a.name).sort()).toEqual(["log-shipper", "monitoring-agent"]);
    expect(await run<unknown[]>(scriptQueries.list(arm, galleryId))).toEqual([]);
    const accounts = await run<StorageAccountSummary[]>(storageQueries.accounts(arm, subscriptionId));
    const packages = accounts.find((account) => account.name === "contosoapppackages")!;
    const blobs = await run<{ uri: string }[]>(storageQueries.blobs({ kind: "emulator", rest: arm.rest }, packages));
    expect(blobs.map((b) => b.uri)).toContain(
      "https://contosoapppackages.blob.core.windows.net/packages/log-shipper/2.3.0/log-shipper.tar.gz",
    );
  });

  it("lists an application's versions through Resource Graph, as ARM's list has them, which it falls back to", async () => {
    const applicationId = `${galleryId}/applications/log-shipper`;
    const read = () => new QueryClient().fetchQuery(applicationVersionQueries.list(arm, applicationId));
    const faults = (rules: unknown[]) =>
      em.fetch("/_emulator/faults", { method: "PUT", body: JSON.stringify({ rules }) });
    const matched = async () =>
      ((await (await em.fetch("/_emulator/faults")).json()) as { stats: { requestsMatched: number } }).stats
        .requestsMatched;
    const versionSummary = (versions: GalleryApplicationVersion[]) =>
      versions
        .map(
          (v) =>
            `${v.name} ${v.publishingProfile?.publishedDate?.toISOString()} ${v.publishingProfile?.source?.mediaLink}`,
        )
        .sort();
    try {
      // A 1 ms delay on Resource Graph counts its requests.
      await faults([{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", latencyMs: 1 }]);
      const throughGraph = await read();
      expect(await matched()).toBeGreaterThan(0);
      expect(throughGraph.length).toBeGreaterThan(0);
      await faults([{ pathPattern: "/providers/Microsoft.ResourceGraph/resources", status: 429 }]);
      const throughArm = await read();
      expect(versionSummary(throughGraph)).toEqual(versionSummary(throughArm));
      expect(throughGraph[0]!.publishingProfile?.publishedDate).toBeInstanceOf(Date);
    } finally {
      await em.fetch("/_emulator/faults", { method: "DELETE" });
    }
  });

  it("creates an application and a version from the forms' output, reads its replication, deletes them in order", async () => {
    const now = () => new Date(em.emulator.ctx.clock.now());
    const application = makeApplicationSchema({ now, existingNames: [], galleryName: "contoso_vm_apps" }).parse({
      name: "unit-app",
      properties: {
        supportedOSType: "Linux",
        description: "From the form",
        eula: "",
        privacyStatementUri: "",
        releaseNoteUri: "",
        endOfLifeDate: "",
        customActions: [
          {
            name: "collect",
            script: "collect.sh",
            description: "",
            parameters: [{ name: "out", type: "LogOutputBlob", required: true, defaultValue: "", description: "" }],
          },
        ],
      },
      tags: [],
    });
    const path = { ...gallery, applicationName: "unit-app" };
    await putApplication(arm, path, {
      location: "eastus",
      properties: application.properties,
      tags: {},
    }).pollUntilDone();
    const stored = await run<{ customActions?: { parameters?: { type?: string }[] }[] }>(
      applicationQueries.detail(arm, `${galleryId}/applications/unit-app`),
    );
    expect(stored.customActions?.[0]?.parameters?.[0]?.type).toBe("LogOutputBlob");

    const values = applicationVersionValuesOf(undefined, "eastus", "1.0.0");
    // A package the demo seed registers: a version's mediaLink must name a blob the service can read.
    values.properties.publishingProfile.source.mediaLink =
      "https://contosoapppackages.blob.core.windows.net/packages/log-shipper/2.3.0/log-shipper.tar.gz";
    values.properties.publishingProfile.manageActions = { install: "./install.sh", remove: "./remove.sh", update: "" };
    values.properties.publishingProfile.targetRegions.push({
      name: "westus2",
      regionalReplicaCount: 2,
      storageAccountType: "",
      excludeFromLatest: false,
    });
    values.properties.publishingProfile.settings.scriptBehaviorAfterReboot = "Rerun";
    values.properties.publishingProfile.enableHealthCheck = true;
    const version = makeApplicationVersionSchema({ location: "eastus", now, existingVersionNames: [] }).parse(values);
    const versionPath = { ...path, versionName: "1.0.0" };
    const poller = putApplicationVersion(arm, versionPath, {
      location: "eastus",
      properties: version.properties,
      tags: {},
    });
    await poller.submitted();
    // Replication follows the emulator's clock: an emulated day completes it.
    em.emulator.ctx.clock.advance(24 * 3600_000);
    await poller.pollUntilDone();
    const read = await run<{
      publishingProfile?: { enableHealthCheck?: boolean; settings?: { scriptBehaviorAfterReboot?: string } };
      replicationStatus?: { summary?: { region?: string }[] };
    }>(applicationVersionQueries.detail(arm, applicationVersionIdOf(versionPath)));
    expect(read.publishingProfile).toMatchObject({
      enableHealthCheck: true,
      settings: { scriptBehaviorAfterReboot: "Rerun" },
    });
    expect(read.replicationStatus?.summary?.map((s) => s.region?.toLowerCase().replace(/\s/g, "")).sort()).toEqual([
      "eastus",
      "westus2",
    ]);

    // The service's refusal lands on the form field it names.
    const refused = await putApplicationVersion(arm, versionPath, {
      location: "eastus",
      properties: {
        ...version.properties,
        publishingProfile: { ...version.properties.publishingProfile, targetRegions: [{ name: "eastus" }] },
      },
      tags: {},
    })
      .pollUntilDone()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    const error = toAzureError(refused);
    expect(error.code).toBe("OperationNotAllowed");
    expect(fieldOfArmError(error)).toBe("properties.publishingProfile.targetRegions");

    // Versions first: the application alone is refused while a version remains.
    const early = await deleteApplication(arm, path)
      .pollUntilDone()
      .catch((e: unknown) => e);
    expect(toAzureError(early).code).toBe("CannotDeleteResource");
    const deleting = deleteApplicationVersion(arm, versionPath);
    await deleting.submitted();
    em.emulator.ctx.clock.advance(3600_000);
    await deleting.pollUntilDone();
    await deleteApplication(arm, path).pollUntilDone();
  });
});
