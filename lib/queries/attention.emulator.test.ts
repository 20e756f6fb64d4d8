import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS, DEMO_SUBSCRIPTIONS } from "@/emulator/seed/demoIdentities";
import {
  REVIEW_GALLERY,
  REVIEW_RESOURCE_GROUP,
  FAILED_VALIDATION_IMAGE,
  TRUSTED_LAUNCH_SUPPORTED_IMAGE,
} from "@/emulator/seed/demoVersionProperties";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { needsAttention } from "@/lib/attention/needsAttention";
import { createArmClients } from "@/lib/azure/clients";
import { galleryImageResourceId } from "@/lib/azure/resourceId";
import { attentionQueries } from "@/lib/queries/attention";
import type { Subscription } from "@/lib/queries/subscriptions";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

describe("needs attention against the demo seed", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterAll(() => em.close());

  async function subscriptionsOf(upn: string) {
    const arm = createArmClients(em.url, em.credential(upn));
    return (await arm.rest.listAll<Subscription>("/subscriptions?api-version=2022-12-01")).map((s) => s.subscriptionId);
  }

  async function itemsOf(upn: string) {
    const arm = createArmClients(em.url, em.credential(upn));
    const subscriptions = await subscriptionsOf(upn);
    const { versions, softDeleted, versionUsage } = await new QueryClient().fetchQuery(
      attentionQueries.scan(arm, subscriptions),
    );
    return needsAttention({ now: new Date(em.emulator.ctx.clock.now()), versions, softDeleted, versionUsage });
  }

  it("lists the demo's failed replication, read with $expand=ReplicationStatus, for the platform admin", async () => {
    const items = await itemsOf(DEMO_PERSONA_USERS["platform-admin"].upn);
    const failed = items.filter((i) => i.kind === "replicationFailed");
    expect(failed).toContainEqual(
      expect.objectContaining({
        where: "contoso_prod_images/sql2022-ws2022-enterprise/16.5.0",
        regions: ["eastus"],
        title: expect.stringMatching(/^Replication failed in East US\. .*2048/),
      }),
    );
  });

  it("lists the demo's VM on a version past end of life, with the VM, from the usage query", async () => {
    const items = await itemsOf(DEMO_PERSONA_USERS["platform-admin"].upn);
    expect(items.filter((i) => i.kind === "inUsePastEndOfLife")).toEqual([
      expect.objectContaining({
        where: "contoso_lifecycle_images/web-frontend/1.0.0",
        title: expect.stringMatching(/still used by 1 VM \(web-legacy-01\)\.$/),
      }),
    ]);
    // 1.1.0 is past its end of life too, but nothing is pinned to it.
    expect(items.some((i) => i.where === "contoso_lifecycle_images/web-frontend/1.1.0")).toBe(false);
  });

  it("lists the demo's soft-deleted version once its purge is less than two days away", async () => {
    const admin = DEMO_PERSONA_USERS["platform-admin"].upn;
    expect((await itemsOf(admin)).some((i) => i.kind === "purgeSoon")).toBe(false);
    // Purged seven days after its softDeletedTime.
    const {
      softDeleted: [deleted],
    } = await new QueryClient().fetchQuery(
      attentionQueries.scan(createArmClients(em.url, em.credential(admin)), await subscriptionsOf(admin)),
    );
    const untilPurge = Date.parse(deleted!.softDeletedTime) + 7 * 24 * 3600_000 - em.emulator.ctx.clock.now();
    await em.advance((untilPurge - 24 * 3600_000) / 1000);
    expect((await itemsOf(admin)).filter((i) => i.kind === "purgeSoon")).toEqual([
      expect.objectContaining({ where: expect.stringMatching(/^contoso_recoverable_images\/.+\/1\.0\.0$/) }),
    ]);
  });

  it("lists a version whose platform validation failed, read with $expand=ValidationProfile", async () => {
    const admin = DEMO_PERSONA_USERS["platform-admin"].upn;
    const versionId = `${galleryImageResourceId(PROD, REVIEW_RESOURCE_GROUP, REVIEW_GALLERY, TRUSTED_LAUNCH_SUPPORTED_IMAGE)}/versions/1.0.0`;
    const where = `${REVIEW_GALLERY}/${TRUSTED_LAUNCH_SUPPORTED_IMAGE}/1.0.0`;
    // The demo seeds one version whose validation failed; the other is failed here, then passes again.
    const seededFailure = expect.objectContaining({ where: `${REVIEW_GALLERY}/${FAILED_VALIDATION_IMAGE}/1.0.0` });
    const failedValidations = async () => (await itemsOf(admin)).filter((i) => i.kind === "validationFailed");
    expect(await failedValidations()).toEqual([seededFailure]);
    const bad = await em.fetch("/_emulator/validations", {
      method: "PUT",
      body: JSON.stringify({ resourceId: versionId, status: "Broken" }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "InvalidParameter", target: "status" });
    const failed = await em.fetch("/_emulator/validations", {
      method: "PUT",
      body: JSON.stringify({ resourceId: versionId, status: "Failed" }),
    });
    expect(failed.status).toBe(200);
    expect(await failedValidations()).toEqual(
      expect.arrayContaining([
        seededFailure,
        expect.objectContaining({ where, severity: "error", title: "Failed validation: TrustedLaunchValidation." }),
      ]),
    );
    expect(await failedValidations()).toHaveLength(2);
    await em.fetch("/_emulator/validations", {
      method: "PUT",
      body: JSON.stringify({ resourceId: versionId, status: "Succeeded" }),
    });
    expect(await failedValidations()).toEqual([seededFailure]);
  });

  it("shows a consumer only what Resource Graph lets them read", async () => {
    const items = await itemsOf(DEMO_PERSONA_USERS.consumer.upn);
    expect(items.some((i) => i.where.startsWith("contoso_prod_images/"))).toBe(false);
  });
});
