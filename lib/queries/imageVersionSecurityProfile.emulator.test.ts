import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS } from "@/emulator/seed/demoIdentities";
import { DEMO_PUBLISH_OPTIONS as O } from "@/emulator/seed/demoPublishOptions";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { createArmClients, type ArmClients } from "@/lib/azure/clients";
import {
  emptyRegionEncryption,
  emptyUefiSettings,
  imageVersionPropertiesBody,
  makeImageVersionUpdateSchema,
  uefiSettingsValues,
  type ImageVersionCreatePropertiesValues,
} from "@/lib/publish/imageVersionForm";
import { createImageVersion, updateImageVersion } from "@/lib/queries/galleryImageVersions";
import { versionUefiSettingsQuery } from "@/lib/queries/publishingOptions";

const path = {
  subscriptionId: O.subscriptionId,
  resourceGroupName: O.resourceGroup,
  galleryName: O.gallery,
  imageName: O.definition,
  versionName: "9.0.0",
};
const ACCOUNT = `/subscriptions/${O.subscriptionId}/resourceGroups/${O.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${O.storageAccount}`;
const URI = `https://${O.storageAccount}.blob.core.windows.net/vhds/${O.blobs[0].name}`;
const VERSION_ID = `/subscriptions/${O.subscriptionId}/resourceGroups/${O.resourceGroup}/providers/Microsoft.Compute/galleries/${O.gallery}/images/${O.definition}/versions/9.0.0`;

/** The create and edit forms' UEFI settings reach the service through the SDK and are read back with the expand. */
describe("UEFI settings of an image version, written by the forms' bodies", () => {
  let em: TestEmulator;
  let arm: ArmClients;
  const uefi = () => versionUefiSettingsQuery(arm, VERSION_ID).queryFn!({} as never);

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
    arm = createArmClients(em.url, em.credential(DEMO_PERSONA_USERS["platform-admin"].upn));
  }, 60_000);
  afterAll(() => em.close());

  it("creates a version with the create form's UEFI settings, then changes them with the edit form's", async () => {
    const settings = emptyUefiSettings();
    settings.signatureTemplateNames = ["MicrosoftUefiCertificateAuthorityTemplate"];
    settings.db = [{ type: "sha256", values: "aa11" }];
    const values: ImageVersionCreatePropertiesValues = {
      sourceMode: "vhd",
      publishingProfile: {
        targetRegions: [
          {
            name: O.location,
            storageAccountType: "",
            excludeFromLatest: false,
            encryption: emptyRegionEncryption(),
          },
        ],
        storageAccountType: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
        replicationMode: "",
      },
      storageProfile: {
        source: { id: "" },
        osDiskImage: { hostCaching: "", source: { id: "", storageAccountId: ACCOUNT, uri: URI } },
        dataDiskImages: [],
      },
      safetyProfile: { blockDeletionBeforeEndOfLife: false },
      securityProfile: { uefiSettings: settings },
    };
    const create = createImageVersion(arm, path, {
      location: O.location,
      properties: imageVersionPropertiesBody(values) as never,
      tags: {},
    });
    await create.submitted();
    await em.advance(3600);
    await create;
    const stored = await uefi();
    expect(stored).toEqual({
      signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
      additionalSignatures: { db: [{ type: "sha256", value: ["aa11"] }] },
    });

    const storedValues = uefiSettingsValues(stored);
    const context = {
      location: O.location,
      now: () => new Date(),
      stored: {
        publishingProfile: { targetRegions: [{ name: O.location }] },
        storageProfile: { osDiskImage: { source: { storageAccountId: ACCOUNT, uri: URI } } },
      },
      storedEndOfLife: "",
      storedUefiSettings: storedValues,
      definitionSecurityType: "TrustedLaunchAndConfidentialVMSupported",
    };
    const schema = makeImageVersionUpdateSchema(context);
    const form = (uefiSettings: typeof storedValues) => ({
      properties: {
        publishingProfile: {
          targetRegions: values.publishingProfile.targetRegions,
          storageAccountType: "",
          excludeFromLatest: false,
          endOfLifeDate: "",
        },
        securityProfile: { uefiSettings },
      },
      confirmRemoval: false,
    });
    const unchanged = schema.parse(form(storedValues));
    expect(unchanged.securityProfile).toBeUndefined();

    const changed = schema.parse(
      form({
        ...storedValues,
        signatureTemplateNames: ["MicrosoftWindowsTemplate"],
        db: [],
        dbx: [{ type: "x509", values: "Y2VydA==" }],
      }),
    );
    // The rule of lib/gallery holds on update too: a Standard definition takes no UEFI settings.
    const standard = makeImageVersionUpdateSchema({ ...context, definitionSecurityType: "Standard" });
    expect(standard.safeParse(form({ ...storedValues, db: [] })).error?.issues[0]?.message).toContain(
      "this one is Standard",
    );
    const update = updateImageVersion(arm, path, changed);
    await update.submitted();
    await em.advance(3600);
    await update;
    expect(await uefi()).toEqual({
      signatureTemplateNames: ["MicrosoftWindowsTemplate"],
      additionalSignatures: { dbx: [{ type: "x509", value: ["Y2VydA=="] }] },
    });
  }, 120_000);
});
