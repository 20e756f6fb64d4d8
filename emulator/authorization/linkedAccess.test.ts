import { randomUUID } from "node:crypto";
import type { ComputeManagementClient, GalleryImageVersion, VirtualMachineScaleSet } from "@azure/arm-compute";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { beforeAll, describe, expect, it } from "vitest";
import { installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { BUILT_IN_ROLE_IDS } from "./builtInRoles.js";
import { AUXILIARY_HEADER } from "../identity/auxiliaryTokens.js";
import { DEMO_SUBSCRIPTIONS, DEMO_TENANTS, DEMO_USERS } from "../seed/demoIdentities.js";
import { computeFixture } from "../testing/computeFixture.js";
import { FAST_POLL } from "../testing/harness.js";

const SHARED = DEMO_SUBSCRIPTIONS.contosoShared.subscriptionId;
const DEV = DEMO_SUBSCRIPTIONS.contosoDevelopment.subscriptionId;
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamProduction.subscriptionId;
const CONTOSO_TENANT = DEMO_TENANTS.contoso.tenantId;
const FABRIKAM_TENANT = DEMO_TENANTS.fabrikam.tenantId;
const MEGAN = DEMO_USERS.megan.upn; // owns every Contoso subscription
const ALEX = DEMO_USERS.alex.upn; // publishes to contoso_dev_images, reads Development; nothing in Shared
const PATTI = DEMO_USERS.patti.upn; // contributor of rg-app-web in Production; nothing in Shared
const LEE = DEMO_USERS.lee.upn; // owns Fabrikam; a guest in Contoso
const ISAIAH = DEMO_USERS.isaiah.upn; // Fabrikam, no role in Contoso
const SOURCES = "rg-shared-images";
const VERSION_WRITE = "Microsoft.Compute/galleries/images/versions/write";

const versionBody = (
  location: string,
  sourceId: string,
  extra: Partial<GalleryImageVersion> = {},
): GalleryImageVersion => ({
  location,
  storageProfile: { source: { id: sourceId } },
  ...extra,
});

describe("linked access: a write that names another resource needs read on it (LinkedAuthorizationFailed)", () => {
  const fx = computeFixture({ seed: "demo", as: MEGAN, subscriptionId: SHARED, stepSeconds: 600 });
  let westus2Image: string;
  let westeuropeImage: string;

  const assignRole = async (scope: string, role: string, who: string) => {
    const subscriptionId = scope.split("/")[2]!;
    const client = new AuthorizationManagementClient(fx.em.credential(MEGAN), subscriptionId, {
      endpoint: fx.em.url,
      allowInsecureConnection: true,
    });
    installAuthPolicy(client.pipeline, fx.em.url, fx.em.credential(MEGAN), [`${ARM_AUDIENCE}/.default`]);
    await client.roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
      principalId: fx.em.principal(who).objectId,
      principalType: "User",
    });
  };
  const define = async (
    client: ComputeManagementClient,
    rg: string,
    gallery: string,
    name: string,
    location: string,
  ) => {
    await fx.settle(
      client.galleryImages.createOrUpdate(
        rg,
        gallery,
        name,
        {
          location,
          osType: "Linux",
          osState: "Generalized",
          // The sources below are Gen1 managed images; the api-version's default would be Gen2.
          hyperVGeneration: "V1",
          identifier: { publisher: "Contoso", offer: name, sku: name },
        },
        FAST_POLL,
      ),
    );
  };

  beforeAll(async () => {
    westus2Image = await fx.imageFromDisk(SOURCES, "linked-westus2", "westus2");
    westeuropeImage = await fx.imageFromDisk(SOURCES, "linked-westeurope", "westeurope");
    await define(fx.em.compute(MEGAN, DEV), "rg-images-dev", "contoso_dev_images", "linked-ubuntu", "westus2");
    await define(fx.em.compute(LEE, FABRIKAM), "rg-fabrikam-images", "fabrikam_images", "linked-ubuntu", "westeurope");
  });

  describe("in one tenant", () => {
    const alexVersion = (name: string, body: GalleryImageVersion) =>
      fx.settle(
        fx.em
          .compute(ALEX, DEV)
          .galleryImageVersions.createOrUpdate(
            "rg-images-dev",
            "contoso_dev_images",
            "linked-ubuntu",
            name,
            body,
            FAST_POLL,
          ),
      );
    const versionId = (name: string) =>
      `/subscriptions/${DEV}/resourceGroups/rg-images-dev/providers/Microsoft.Compute/galleries/contoso_dev_images/images/linked-ubuntu/versions/${name}`;

    it("refuses a version from a managed image the publisher cannot read, naming the linked scope", async () => {
      const alex = fx.em.principal(ALEX).objectId;
      await expect(alexVersion("1.0.0", versionBody("westus2", westus2Image))).rejects.toMatchObject({
        statusCode: 403,
        code: "LinkedAuthorizationFailed",
        message:
          `The client '${ALEX}' with object id '${alex}' has permission to perform action '${VERSION_WRITE}' on scope '${versionId("1.0.0")}'; ` +
          `however, it does not have permission to perform action(s) 'Microsoft.Compute/images/read' on the linked scope(s) '${westus2Image}' ` +
          "(respectively) or the linked scope(s) are invalid.",
      });
      await expect(
        fx.em
          .compute(MEGAN, DEV)
          .galleryImageVersions.get("rg-images-dev", "contoso_dev_images", "linked-ubuntu", "1.0.0"),
      ).rejects.toMatchObject({
        statusCode: 404,
      });
    });

    it("refuses a disk encryption set the publisher cannot read, even one that does not exist", async () => {
      const des = `/subscriptions/${SHARED}/resourceGroups/${SOURCES}/providers/Microsoft.Compute/diskEncryptionSets/des-linked`;
      const body = versionBody("westus2", westus2Image, {
        publishingProfile: {
          targetRegions: [{ name: "westus2", encryption: { osDiskImage: { diskEncryptionSetId: des } } }],
        },
      });
      await expect(alexVersion("1.0.1", body)).rejects.toMatchObject({
        statusCode: 403,
        code: "LinkedAuthorizationFailed",
        message: expect.stringContaining(
          `action(s) 'Microsoft.Compute/images/read,Microsoft.Compute/diskEncryptionSets/read' on the linked scope(s) '${westus2Image},${des}'`,
        ),
      });
    });

    it("creates the version once the publisher may read the source", async () => {
      await assignRole(westus2Image, BUILT_IN_ROLE_IDS.Reader, ALEX);
      const version = await alexVersion("1.0.2", versionBody("westus2", westus2Image));
      expect(version.storageProfile?.source?.id).toBe(westus2Image);
    });

    it("refuses a scale set from a gallery image its writer cannot read, naming the scale set's write", async () => {
      const definition = `/subscriptions/${SHARED}/resourceGroups/${SOURCES}/providers/Microsoft.Compute/galleries/contoso_golden_images/images/golden-ubuntu-nginx`;
      const body: VirtualMachineScaleSet = {
        location: "westus2",
        sku: { name: "Standard_D2s_v5", capacity: 1 },
        upgradePolicy: { mode: "Manual" },
        virtualMachineProfile: {
          storageProfile: { imageReference: { id: definition }, osDisk: { createOption: "FromImage" } },
          osProfile: { computerNamePrefix: "web", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
        },
      };
      const scaleSet = fx.em
        .compute(PATTI, PROD)
        .virtualMachineScaleSets.createOrUpdate("rg-app-web", "linked-vmss", body, FAST_POLL);
      await expect(fx.settle(scaleSet)).rejects.toMatchObject({
        statusCode: 403,
        code: "LinkedAuthorizationFailed",
        message: expect.stringContaining(
          `perform action 'Microsoft.Compute/virtualMachineScaleSets/write' on scope '/subscriptions/${PROD}/resourceGroups/rg-app-web/providers/Microsoft.Compute/virtualMachineScaleSets/linked-vmss'; ` +
            `however, it does not have permission to perform action(s) 'Microsoft.Compute/galleries/images/versions/read' on the linked scope(s) '${definition}'`,
        ),
      });
    });
  });

  describe("across tenants: a Fabrikam gallery version from a Contoso image", () => {
    const fabrikamVersionId = (name: string) =>
      `/subscriptions/${FABRIKAM}/resourceGroups/rg-fabrikam-images/providers/Microsoft.Compute/galleries/fabrikam_images/images/linked-ubuntu/versions/${name}`;
    // The auxiliary header rides on every request of the client, as the SDKs' auxiliary-tenant policies send it.
    const leeVersion = (name: string, auxiliary?: string) => {
      const client = fx.em.compute(LEE, FABRIKAM);
      if (auxiliary !== undefined) {
        client.pipeline.addPolicy({
          name: "auxiliaryTokens",
          sendRequest: (request, next) => {
            request.headers.set(AUXILIARY_HEADER, auxiliary);
            return next(request);
          },
        });
      }
      return fx.settle(
        client.galleryImageVersions.createOrUpdate(
          "rg-fabrikam-images",
          "fabrikam_images",
          "linked-ubuntu",
          name,
          versionBody("westeurope", westeuropeImage),
          FAST_POLL,
        ),
      );
    };
    const contosoToken = (who: string) => fx.em.token(who, ARM_AUDIENCE, CONTOSO_TENANT);

    beforeAll(async () => {
      await assignRole(westeuropeImage, BUILT_IN_ROLE_IDS.Reader, LEE);
    });

    it("refuses it without an auxiliary token: Fabrikam's token is not authorized in Contoso's subscription", async () => {
      await expect(leeVersion("1.0.0")).rejects.toMatchObject({
        statusCode: 403,
        code: "LinkedAuthorizationFailed",
        message:
          `The client has permission to perform action 'Microsoft.Compute/images/read' on scope '${fabrikamVersionId("1.0.0")}', ` +
          `however the current tenant '${FABRIKAM_TENANT}' is not authorized to access linked subscription '${SHARED}'.`,
      });
    });

    it("refuses it when the Contoso auxiliary identity cannot read the image", async () => {
      await expect(leeVersion("1.0.0", `Bearer ${await contosoToken(ISAIAH)}`)).rejects.toMatchObject({
        statusCode: 403,
        code: "LinkedAuthorizationFailed",
        message: expect.stringContaining(`'Microsoft.Compute/images/read' on the linked scope(s) '${westeuropeImage}'`),
      });
    });

    it("refuses an auxiliary token that is not valid, or more than three, with 401", async () => {
      await expect(leeVersion("1.0.0", "Bearer not-a-token")).rejects.toMatchObject({
        statusCode: 401,
        code: "InvalidAuthenticationToken",
      });
      const forGraph = await fx.em.token(LEE, "https://graph.microsoft.com", CONTOSO_TENANT);
      await expect(leeVersion("1.0.0", `Bearer ${forGraph}`)).rejects.toMatchObject({
        statusCode: 401,
        code: "InvalidAuthenticationTokenAudience",
        message: expect.stringContaining(`header 'x-ms-authorization-auxiliary') of client`),
      });
      const token = `Bearer ${await contosoToken(LEE)}`;
      await expect(leeVersion("1.0.0", [token, token, token, token].join(", "))).rejects.toMatchObject({
        statusCode: 401,
      });
    });

    it("creates it with the guest's Contoso token as auxiliary token (up to three, comma-separated)", async () => {
      const other = `Bearer ${await fx.em.token(ISAIAH, ARM_AUDIENCE, FABRIKAM_TENANT)}`;
      const version = await leeVersion("1.0.0", `${other}, Bearer ${await contosoToken(LEE)}`);
      expect(version.storageProfile?.source?.id).toBe(westeuropeImage);
    });
  });
});
