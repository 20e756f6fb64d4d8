import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";
import { createGallery } from "./galleries.model.js";

/**
 * The troubleshooting catalogue (gallery-domain.md §6): each bad request gets Azure's status and code, and a
 * message that names the offending value or the rule. Raw HTTP, as the SDK would refuse to send some of them.
 */

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-errors";
const API = "api-version=2025-12-03";
const COMPUTE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute`;
const G = `${COMPUTE}/galleries/errs`;

const linux = {
  identifier: { publisher: "Contoso", offer: "Linux", sku: "gen2" },
  osType: "Linux",
  osState: "Generalized",
  hyperVGeneration: "V2",
};
const image = (name: string) => `${COMPUTE}/images/${name}`;
const disk = (name: string) => `${COMPUTE}/disks/${name}`;
const fromImage = (name = "img") => ({ storageProfile: { source: { id: image(name) } } });
const definitionBody = (properties: Record<string, unknown>) => ({
  location: "westeurope",
  properties: { ...linux, ...properties },
});
const versionBody = (properties: Record<string, unknown>) => ({
  location: "westeurope",
  properties: { ...fromImage(), ...properties },
});

interface Case {
  name: string;
  method?: "PUT" | "PATCH" | "DELETE" | "GET";
  path: string;
  body?: unknown;
  rawBody?: string;
  status: number;
  code: string;
  message?: RegExp;
}

const CASES: Case[] = [
  // Galleries
  {
    name: "gallery name with a dash",
    path: `${COMPUTE}/galleries/my-gallery`,
    body: { location: "westeurope" },
    status: 400,
    code: "InvalidParameter",
    message: /Gallery name is invalid.*dashes/,
  },
  {
    name: "gallery name ending with a period",
    path: `${COMPUTE}/galleries/gallery.`,
    body: { location: "westeurope" },
    status: 400,
    code: "InvalidResourceNameTrailingCharacters",
    message: /'gallery\.' has these invalid trailing characters: '\.'/,
  },
  {
    name: "gallery name ending with an underscore",
    path: `${COMPUTE}/galleries/gallery_`,
    body: { location: "westeurope" },
    status: 400,
    code: "InvalidResourceNameTrailingCharacters",
    message: /invalid trailing characters: '_'/,
  },
  {
    name: "gallery name with an encoded slash",
    path: `${COMPUTE}/galleries/a%2Fb`,
    body: { location: "westeurope" },
    status: 400,
    code: "InvalidParameter",
    message: /Gallery name is invalid/,
  },
  {
    name: "gallery name longer than 80 characters",
    path: `${COMPUTE}/galleries/${"g".repeat(81)}`,
    body: { location: "westeurope" },
    status: 400,
    code: "InvalidParameter",
  },
  {
    name: "unknown region",
    path: `${COMPUTE}/galleries/atlantis`,
    body: { location: "atlantis" },
    status: 400,
    code: "LocationNotAvailableForResourceType",
    message: /'atlantis' is not available for resource type 'Microsoft\.Compute\/galleries'/,
  },
  { name: "missing location", path: `${COMPUTE}/galleries/nowhere`, body: {}, status: 400, code: "LocationRequired" },
  {
    name: "body that is not JSON",
    path: `${COMPUTE}/galleries/broken`,
    rawBody: "{ location: ",
    status: 400,
    code: "InvalidRequestContent",
  },
  {
    name: "properties of the wrong type",
    path: `${COMPUTE}/galleries/wrongtype`,
    body: { location: "westeurope", properties: "x" },
    status: 400,
    code: "InvalidRequestContent",
  },
  {
    name: "description of the wrong type",
    path: `${COMPUTE}/galleries/wrongdesc`,
    body: { location: "westeurope", properties: { description: 5 } },
    status: 400,
    code: "InvalidRequestContent",
    message: /properties\.description/,
  },
  {
    name: "gallery name taken in another resource group",
    path: `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.Compute/galleries/ERRS`,
    body: { location: "westeurope" },
    status: 409,
    code: "GalleryNameNotUnique",
    message: new RegExp(
      `^The gallery name 'ERRS' is not unique within the subscription '${SUB}'\\. Please pick another gallery name\\.$`,
    ),
  },
  {
    name: "gallery moved to another region",
    path: G,
    body: { location: "eastus" },
    status: 409,
    code: "InvalidResourceLocation",
    message: /already exists in location 'westeurope'/,
  },
  {
    name: "resource group that does not exist",
    path: `/subscriptions/${SUB}/resourceGroups/rg-missing/providers/Microsoft.Compute/galleries/x1`,
    body: { location: "westeurope" },
    status: 404,
    code: "ResourceGroupNotFound",
  },
  {
    name: "gallery that does not exist",
    method: "GET",
    path: `${COMPUTE}/galleries/absent`,
    status: 404,
    code: "ResourceNotFound",
  },
  {
    name: "delete a gallery with definitions",
    method: "DELETE",
    path: G,
    status: 409,
    code: "CannotDeleteResource",
    message:
      /^Cannot delete resource while nested resources exist\. Some existing nested resource IDs include: 'Microsoft\.Compute\/galleries\/errs\/images\/linux'.*Please delete all nested resources before deleting this resource\.$/,
  },
  // Image definitions
  {
    name: "definition OS state change",
    path: `${G}/images/linux`,
    body: definitionBody({ osState: "Specialized" }),
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: /galleryImage\.properties\.osState/,
  },
  {
    name: "definition Hyper-V generation change",
    path: `${G}/images/linux`,
    body: definitionBody({ hyperVGeneration: "V1" }),
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: /hyperVGeneration/,
  },
  {
    name: "definition publisher change",
    path: `${G}/images/linux`,
    body: definitionBody({ identifier: { ...linux.identifier, publisher: "Fabrikam" } }),
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: /identifier\.publisher/,
  },
  {
    name: "definition name with bad characters",
    path: `${G}/images/bad!name`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "s1" } }),
    status: 400,
    code: "InvalidParameter",
    message: /galleryImageName/,
  },
  {
    name: "definition name ending with a period",
    path: `${G}/images/def.`,
    body: definitionBody({}),
    status: 400,
    code: "InvalidResourceNameTrailingCharacters",
    message: /'errs\/def\.'/,
  },
  {
    name: "publisher ending with a period",
    path: `${G}/images/p1`,
    body: definitionBody({ identifier: { ...linux.identifier, publisher: "Contoso." } }),
    status: 400,
    code: "InvalidParameter",
    message: /identifier\.publisher is not valid/,
  },
  {
    name: "sku longer than 64 characters",
    path: `${G}/images/p2`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "s".repeat(65) } }),
    status: 400,
    code: "InvalidParameter",
    message: /cannot exceed 64/,
  },
  {
    name: "definition without an identifier",
    path: `${G}/images/p3`,
    body: { location: "westeurope", properties: { osType: "Linux", osState: "Generalized" } },
    status: 400,
    code: "InvalidParameter",
    message: /identifier/,
  },
  {
    name: "definition in a gallery that does not exist",
    path: `${COMPUTE}/galleries/ghost/images/def`,
    body: definitionBody({}),
    status: 404,
    code: "ParentResourceNotFound",
    message: /'ghost'/,
  },
  {
    name: "end of life that is not a date",
    path: `${G}/images/p4`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "p4" }, endOfLifeDate: "next year" }),
    status: 400,
    code: "InvalidParameter",
    message: /next year/,
  },
  {
    name: "end of life in the past",
    path: `${G}/images/p5`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "p5" }, endOfLifeDate: "2001-01-01" }),
    status: 400,
    code: "InvalidParameter",
    message: /EndOfLifeDate must be set to a future date/,
  },
  {
    name: "vCPUs that are not an integer",
    path: `${G}/images/p6`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "p6" }, recommended: { vCPUs: { min: 2.5 } } }),
    status: 400,
    code: "InvalidParameter",
    message: /'2\.5' is not a valid integer/,
  },
  {
    name: "recommended memory min above max",
    path: `${G}/images/p7`,
    body: definitionBody({
      identifier: { ...linux.identifier, sku: "p7" },
      recommended: { memory: { min: 64, max: 8 } },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /minimum value of recommended\.memory/,
  },
  {
    name: "unknown OS type",
    path: `${G}/images/p8`,
    body: definitionBody({ identifier: { ...linux.identifier, sku: "p8" }, osType: "Solaris" }),
    status: 400,
    code: "InvalidParameter",
    message: /'Solaris'.*'Windows', 'Linux'/,
  },
  {
    name: "identifier already used in the gallery",
    path: `${G}/images/twin`,
    body: definitionBody({}),
    status: 409,
    code: "OperationNotAllowed",
    message: /identified by \(publisher:Contoso, offer:Linux, sku:gen2\) already exists/,
  },
  {
    name: "definition in another region than its gallery",
    path: `${G}/images/p9`,
    body: { ...definitionBody({ identifier: { ...linux.identifier, sku: "p9" } }), location: "eastus" },
    status: 400,
    code: "InvalidParameter",
    message: /'eastus'.*'westeurope'/,
  },
  {
    name: "delete a definition with versions",
    method: "DELETE",
    path: `${G}/images/linux`,
    status: 409,
    code: "CannotDeleteResource",
    message: /IDs include: 'Microsoft\.Compute\/galleries\/errs\/images\/linux\/versions\/1\.0\.0'/,
  },
  // Image versions
  {
    name: "version name that is not Major.Minor.Patch",
    path: `${G}/images/linux/versions/1.0`,
    body: versionBody({}),
    status: 400,
    code: "InvalidParameter",
    message: /Major\(int\)\.Minor\(int\)\.Patch\(int\)/,
  },
  {
    name: "version part beyond Int32",
    path: `${G}/images/linux/versions/1.0.2147483648`,
    body: versionBody({}),
    status: 400,
    code: "InvalidParameter",
  },
  {
    name: "version of a definition that does not exist",
    path: `${G}/images/ghost/versions/1.0.0`,
    body: versionBody({}),
    status: 404,
    code: "ParentResourceNotFound",
    message: /'errs\/ghost'/,
  },
  {
    name: "target regions without the source region",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { targetRegions: [{ name: "eastus" }] } }),
    status: 400,
    code: "InvalidParameter",
    message: /must contain the location of image version westeurope/,
  },
  {
    name: "duplicate target regions",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "West Europe" }] } }),
    status: 400,
    code: "InvalidParameter",
    message: /Duplicate regions/,
  },
  {
    name: "regional replica count of 0",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 0 }] } }),
    status: 400,
    code: "InvalidParameter",
    message: /between 1 and 100/,
  },
  {
    name: "replica count of 101",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { replicaCount: 101 } }),
    status: 400,
    code: "InvalidParameter",
    message: /101.*between 1 and 100/,
  },
  {
    name: "unknown target region",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { targetRegions: [{ name: "westeurope" }, { name: "moon" }] } }),
    status: 400,
    code: "LocationNotAvailableForResourceType",
    message: /'moon'/,
  },
  {
    name: "unknown storage account type",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { storageAccountType: "Tape_LRS" } }),
    status: 400,
    code: "InvalidParameter",
    message: /'Tape_LRS'.*'Standard_LRS'/,
  },
  {
    name: "ZRS in a region without availability zones",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      publishingProfile: {
        targetRegions: [{ name: "westeurope" }, { name: "westus", storageAccountType: "Standard_ZRS" }],
      },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /ZRS storage account type is not supported/,
  },
  {
    name: "version end of life in the past",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ publishingProfile: { endOfLifeDate: "2000-01-01" } }),
    status: 400,
    code: "InvalidParameter",
    message: /future date/,
  },
  {
    name: "source that does not exist",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody(fromImage("absent")),
    status: 404,
    code: "NotFound",
    message:
      /^Source \/subscriptions\/.*\/images\/absent is not found\. Please check source exists, and is in the same region as gallery image version being created\.$/,
  },
  {
    name: "source in another region",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody(fromImage("img-eastus")),
    status: 404,
    code: "NotFound",
    message: /img-eastus is not found.*same region/,
  },
  {
    name: "source of the wrong type",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ storageProfile: { source: { id: disk("os-disk") } } }),
    status: 400,
    code: "InvalidParameter",
    message: /must either be a managed image, virtual machine or another gallery image version/,
  },
  {
    name: "no source at all",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ storageProfile: {} }),
    status: 400,
    code: "InvalidParameter",
    message: /One and only one source type/,
  },
  {
    name: "two kinds of source",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      storageProfile: { source: { id: image("img") }, osDiskImage: { source: { id: disk("os-disk") } } },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /One and only one source type/,
  },
  {
    name: "malformed source id",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ storageProfile: { source: { id: "img" } } }),
    status: 400,
    code: "InvalidParameter",
    message: /fully qualified resource Id/,
  },
  {
    name: "duplicate LUNs",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      storageProfile: {
        osDiskImage: { source: { id: disk("os-disk") } },
        dataDiskImages: [
          { lun: 1, source: { id: disk("data-a") } },
          { lun: 1, source: { id: disk("data-b") } },
        ],
      },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /Duplicated lun numbers/,
  },
  {
    name: "the same disk twice",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      storageProfile: {
        osDiskImage: { source: { id: disk("os-disk") } },
        dataDiskImages: [
          { lun: 1, source: { id: disk("data-a") } },
          { lun: 2, source: { id: disk("data-a") } },
        ],
      },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /Duplicated source ids/,
  },
  {
    name: "OS and data disk from the same source",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      storageProfile: {
        osDiskImage: { source: { id: disk("os-disk") } },
        dataDiskImages: [{ lun: 1, source: { id: disk("os-disk") } }],
      },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /cannot point to same blob/,
  },
  {
    name: "data disk source that is an image",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({
      storageProfile: {
        osDiskImage: { source: { id: disk("os-disk") } },
        dataDiskImages: [{ lun: 1, source: { id: image("img") } }],
      },
    }),
    status: 400,
    code: "InvalidParameter",
    message: /must be a managed disk or snapshot/,
  },
  {
    name: "source OS type differs from the definition",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody(fromImage("win")),
    status: 400,
    code: "InvalidParameter",
    message: /different OS type \['Windows'\] than the parent gallery image OS type generation \['Linux'\]/,
  },
  {
    name: "source Hyper-V generation differs from the definition",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody(fromImage("gen1")),
    status: 400,
    code: "InvalidParameter",
    message: /Hypervisor generation \['V1'\] than the parent gallery image Hypervisor generation \['V2'\]/,
  },
  {
    name: "source OS state differs from the definition",
    path: `${G}/images/specialized/versions/1.0.0`,
    body: versionBody({}),
    status: 400,
    code: "InvalidParameter",
    message: /OS State in the parent gallery image \('Specialized'\) is not 'Generalized'/,
  },
  {
    name: "source VM with unmanaged disks",
    path: `${G}/images/linux/versions/1.0.1`,
    body: versionBody({ storageProfile: { source: { virtualMachineId: `${COMPUTE}/virtualMachines/classic-vm` } } }),
    status: 400,
    code: "InvalidParameter",
    message: /must be created from Managed Disks/,
  },
  {
    name: "changing the source after creation",
    path: `${G}/images/linux/versions/1.0.0`,
    body: versionBody(fromImage("img2")),
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: /storageProfile\.source\.id/,
  },
  {
    name: "adding a data disk on update",
    path: `${G}/images/linux/versions/1.0.0`,
    body: versionBody({ storageProfile: { source: { id: image("img") }, dataDiskImages: [{ lun: 3 }] } }),
    status: 409,
    code: "OperationNotAllowed",
    message: /Adding new Data Disks or changing the LUN/,
  },
  {
    name: "version in another region than its gallery",
    path: `${G}/images/linux/versions/1.0.2`,
    body: { ...versionBody({}), location: "northeurope" },
    status: 400,
    code: "InvalidParameter",
    message: /'northeurope'.*'westeurope'/,
  },
  {
    name: "api-version the service does not know",
    method: "GET",
    path: G,
    status: 400,
    code: "InvalidApiVersionParameter",
  },
];

describe("the troubleshooting catalogue over raw HTTP", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westeurope", "rg-other": "westeurope" } });

  async function put(path: string, body: unknown, apiVersion = API) {
    const res = await fx.em.fetch(`${path}?${apiVersion}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    await fx.em.advance(3600);
  }

  beforeAll(async () => {
    const compute = fx.client;
    const managedImage = (name: string, location: string, osType: "Linux" | "Windows", hyperVGeneration: "V1" | "V2") =>
      compute.images.createOrUpdate(
        RG,
        name,
        {
          location,
          hyperVGeneration,
          storageProfile: {
            osDisk: {
              osType,
              osState: "Generalized",
              blobUri: `https://sa.blob.core.windows.net/v/${name}.vhd`,
              diskSizeGB: 30,
            },
          },
        },
        FAST_POLL,
      );
    await managedImage("img", "westeurope", "Linux", "V2");
    await managedImage("img2", "westeurope", "Linux", "V2");
    await managedImage("win", "westeurope", "Windows", "V2");
    await managedImage("gen1", "westeurope", "Linux", "V1");
    await managedImage("img-eastus", "eastus", "Linux", "V2");
    for (const name of ["os-disk", "data-a", "data-b"]) {
      await compute.disks.createOrUpdate(
        RG,
        name,
        {
          location: "westeurope",
          creationData: { createOption: "Empty" },
          diskSizeGB: 32,
          ...(name === "os-disk" ? { osType: "Linux", hyperVGeneration: "V2" } : {}),
        },
        FAST_POLL,
      );
    }
    await put(
      `${COMPUTE}/virtualMachines/classic-vm`,
      {
        location: "westeurope",
        properties: {
          hardwareProfile: { vmSize: "Standard_D2s_v5" },
          storageProfile: {
            osDisk: {
              createOption: "Attach",
              osType: "Linux",
              name: "classic",
              vhd: { uri: "https://sa.blob.core.windows.net/v/classic.vhd" },
            },
          },
        },
      },
      "api-version=2025-04-01",
    );
    await put(G, { location: "westeurope" });
    await put(`${G}/images/linux`, definitionBody({}));
    await put(
      `${G}/images/specialized`,
      definitionBody({ identifier: { ...linux.identifier, sku: "specialized" }, osState: "Specialized" }),
    );
    await put(`${G}/images/linux/versions/1.0.0`, versionBody({}));
  });

  it.each(CASES)("$name → $status $code", async (c) => {
    const apiVersion = c.code === "InvalidApiVersionParameter" ? "api-version=2015-01-01" : API;
    const res = await fx.em.fetch(`${c.path}?${apiVersion}`, {
      method: c.method ?? "PUT",
      as: ADMIN,
      ...(c.rawBody !== undefined ? { body: c.rawBody } : c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
    });
    const body = await res.json();
    expect({ status: res.status, code: body.error?.code }, JSON.stringify(body)).toEqual({
      status: c.status,
      code: c.code,
    });
    if (c.message) expect(body.error.message).toMatch(c.message);
  });

  it("refuses a name with `..` segments sent as they are", async () => {
    const token = await fx.em.token(ADMIN);
    const { port } = new URL(fx.em.url);
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "PUT",
          path: `${COMPUTE}/galleries/..?${API}`,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ location: "westeurope" }));
    });
    expect(status.status).toBe(400);
    expect(JSON.parse(status.body).error.code).toMatch(/InvalidParameter|InvalidResourceName/);
  });

  it("refuses a gallery past the subscription's 100 per region with Azure's quota error", async () => {
    const ctx = fx.em.emulator.ctx;
    for (let i = 0; i < 100; i++)
      createGallery(ctx, { subscriptionId: SUB, resourceGroup: "rg-other", gallery: `quota${i}`, location: "uksouth" });
    const res = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.Compute/galleries/onemore?${API}`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({ location: "uksouth" }),
      },
    );
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("OperationNotAllowed");
    expect(error.message).toMatch(
      /exceeding quota limits of Galleries in location 'uksouth'. Maximum allowed: 100, Current in use: 100/,
    );
  });
});
