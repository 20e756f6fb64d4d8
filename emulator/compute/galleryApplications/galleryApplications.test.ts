import type { GalleryApplicationVersion } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-apps";
const GALLERY = "Apps";
const API = "api-version=2025-12-03";
const MEDIA = "https://contosoapps.blob.core.windows.net/packages/agent.zip?sv=2024-01-01&sig=abc";
const CONFIG = "https://contosoapps.blob.core.windows.net/config/cfg.json";

function appPath(app: string) {
  return `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/applications/${app}`;
}

function regionStates(version: GalleryApplicationVersion) {
  return Object.fromEntries((version.replicationStatus?.summary ?? []).map((s) => [s.region, s.state]));
}

/** The publishing profile of GalleryApplicationVersion_Create.json, written out here. */
function publishingProfile(extra: Record<string, unknown> = {}) {
  return {
    source: { mediaLink: MEDIA },
    manageActions: {
      install: 'powershell -command "Expand-Archive -Path package.zip -DestinationPath C:\\package"',
      remove: "del C:\\package ",
    },
    ...extra,
  };
}

describe("gallery applications and versions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, pageSize: 2, resourceGroups: { [RG]: "westeurope" } });
  /** An application in the test gallery, created through the SDK and its long-running operation. */
  const createApplication = (name: string, supportedOSType: "Linux" | "Windows") =>
    fx.settle(
      fx.client.galleryApplications.createOrUpdate(
        RG,
        GALLERY,
        name,
        { location: "westeurope", supportedOSType },
        FAST_POLL,
      ),
    );

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
    for (const blob of [MEDIA, CONFIG]) await fx.blob(RG, "westeurope", blob);
  });

  it("creates, reads, lists, updates and deletes an application with typed custom actions", async () => {
    const created = await fx.settle(
      fx.client.galleryApplications.createOrUpdate(
        RG,
        GALLERY,
        "agent",
        {
          location: "West Europe",
          supportedOSType: "Windows",
          description: "Monitoring agent",
          eula: "EULA",
          privacyStatementUri: "https://contoso.example/privacy",
          releaseNoteUri: "https://contoso.example/notes",
          customActions: [
            {
              name: "rotate",
              script: "rotate.ps1",
              parameters: [{ name: "logs", required: true, type: "LogOutputBlob", description: "where logs go" }],
            },
          ],
        },
        FAST_POLL,
      ),
    );
    expect(created).toMatchObject({
      name: "agent",
      type: "Microsoft.Compute/galleries/applications",
      location: "westeurope",
      supportedOSType: "Windows",
      customActions: [{ name: "rotate", parameters: [{ name: "logs", required: true, type: "LogOutputBlob" }] }],
    });

    const updated = await fx.settle(
      fx.client.galleryApplications.update(RG, GALLERY, "agent", { description: "Agent v2" }, FAST_POLL),
    );
    expect(updated).toMatchObject({ description: "Agent v2", eula: "EULA", supportedOSType: "Windows" });
    const listed = await collect(fx.client.galleryApplications.listByGallery(RG, GALLERY));
    expect(listed.map((a) => a.name)).toContain("agent");

    // supportedOSType is fixed at creation.
    const osChange = await fx.em.fetch(`${appPath("agent")}?${API}`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { supportedOSType: "Linux" } }),
    });
    expect(osChange.status).toBe(409);
    expect((await osChange.json()).error.code).toBe("PropertyChangeNotAllowed");

    await fx.settle(fx.client.galleryApplications.delete(RG, GALLERY, "agent", FAST_POLL));
    await expect(fx.client.galleryApplications.get(RG, GALLERY, "agent")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });

  it("replicates a version over the clock, with $expand=ReplicationStatus, and keeps every spec property", async () => {
    await createApplication("tools", "Linux");
    const poller = fx.client.galleryApplicationVersions.createOrUpdate(
      RG,
      GALLERY,
      "tools",
      "1.0.0",
      {
        location: "westeurope",
        publishingProfile: publishingProfile({
          source: {
            mediaLink: MEDIA,
            defaultConfigurationLink: CONFIG,
          },
          manageActions: { install: "./install.sh", remove: "./remove.sh", update: "./update.sh" },
          settings: { packageFileName: "tools.tgz", configFileName: "tools.json", scriptBehaviorAfterReboot: "Rerun" },
          advancedSettings: { timeout: "300" },
          enableHealthCheck: true,
          targetRegions: [{ name: "West Europe" }, { name: "northeurope", regionalReplicaCount: 2 }],
          customActions: [
            { name: "reset", script: "reset.sh", parameters: [{ name: "cfg", type: "ConfigurationDataBlob" }] },
          ],
        }),
        safetyProfile: { allowDeletionOfReplicatedLocations: false },
      },
      FAST_POLL,
    );
    await poller.submitted();
    const creating = await fx.client.galleryApplicationVersions.get(RG, GALLERY, "tools", "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(creating.provisioningState).toBe("Creating");
    expect(regionStates(creating)).toEqual({ "West Europe": "Replicating", "North Europe": "Replicating" });

    await fx.em.advance(60);
    const halfway = await fx.client.galleryApplicationVersions.get(RG, GALLERY, "tools", "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(regionStates(halfway)).toEqual({ "West Europe": "Completed", "North Europe": "Replicating" });

    const done = await fx.settle(poller);
    expect(done.provisioningState).toBe("Succeeded");
    expect(done.publishingProfile!).toMatchObject({
      source: { defaultConfigurationLink: CONFIG },
      manageActions: { update: "./update.sh" },
      settings: { scriptBehaviorAfterReboot: "Rerun" },
      advancedSettings: { timeout: "300" },
      enableHealthCheck: true,
      replicaCount: 1,
      excludeFromLatest: false,
      storageAccountType: "Standard_LRS",
      targetRegions: [
        { name: "West Europe", regionalReplicaCount: 1 },
        { name: "North Europe", regionalReplicaCount: 2 },
      ],
    });
    expect(done.publishingProfile!.publishedDate).toBeInstanceOf(Date);
    const completed = await fx.client.galleryApplicationVersions.get(RG, GALLERY, "tools", "1.0.0", {
      expand: "ReplicationStatus",
    });
    expect(completed.replicationStatus?.aggregatedState).toBe("Completed");
    expect(done.replicationStatus).toBeUndefined();

    // Dropping a replicated region needs allowDeletionOfReplicatedLocations, as for image versions.
    await expect(
      fx.settle(
        fx.client.galleryApplicationVersions.update(
          RG,
          GALLERY,
          "tools",
          "1.0.0",
          { publishingProfile: publishingProfile({ targetRegions: [{ name: "westeurope" }] }) },
          FAST_POLL,
        ),
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: "OperationNotAllowed" });
    const narrowed = await fx.settle(
      fx.client.galleryApplicationVersions.update(
        RG,
        GALLERY,
        "tools",
        "1.0.0",
        {
          publishingProfile: publishingProfile({ targetRegions: [{ name: "westeurope" }], excludeFromLatest: true }),
          safetyProfile: { allowDeletionOfReplicatedLocations: true },
        },
        FAST_POLL,
      ),
    );
    expect(narrowed.publishingProfile!.targetRegions?.map((r) => r.name)).toEqual(["West Europe"]);
    expect(narrowed.publishingProfile!.excludeFromLatest).toBe(true);

    const versions = await collect(fx.client.galleryApplicationVersions.listByGalleryApplication(RG, GALLERY, "tools"));
    expect(versions.map((v) => v.name)).toEqual(["1.0.0"]);

    // The application and the gallery cannot go while they hold versions and applications.
    const appDelete = await fx.em.fetch(`${appPath("tools")}?${API}`, { method: "DELETE", as: ADMIN });
    expect(appDelete.status).toBe(409);
    const galleryDelete = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}?${API}`,
      { method: "DELETE", as: ADMIN },
    );
    expect(galleryDelete.status).toBe(409);
    expect(JSON.stringify(await galleryDelete.json())).toContain("applications/tools");

    await fx.settle(fx.client.galleryApplicationVersions.delete(RG, GALLERY, "tools", "1.0.0", FAST_POLL));
    expect(await collect(fx.client.galleryApplicationVersions.listByGalleryApplication(RG, GALLERY, "tools"))).toEqual(
      [],
    );
  });

  it("keeps edge zones (targetExtendedLocations) with their defaults, updates them and refuses duplicates", async () => {
    await createApplication("edge", "Linux");
    const zone = (edgeZone: string, extra: Record<string, unknown> = {}) => ({
      name: "westus",
      extendedLocation: { name: edgeZone, type: "EdgeZone" },
      ...extra,
    });
    const created = await fx.settle(
      fx.client.galleryApplicationVersions.createOrUpdate(
        RG,
        GALLERY,
        "edge",
        "1.0.0",
        {
          location: "westeurope",
          publishingProfile: publishingProfile({
            targetExtendedLocations: [zone("microsoftlosangeles1", { extendedLocationReplicaCount: 2 })],
          }),
        },
        FAST_POLL,
      ),
    );
    expect(created.publishingProfile!.targetExtendedLocations).toEqual([
      {
        name: "westus",
        extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
        extendedLocationReplicaCount: 2,
        storageAccountType: "Standard_LRS",
      },
    ]);

    const updated = await fx.settle(
      fx.client.galleryApplicationVersions.update(
        RG,
        GALLERY,
        "edge",
        "1.0.0",
        {
          publishingProfile: publishingProfile({
            targetExtendedLocations: [
              zone("microsoftlosangeles1"),
              zone("microsoftnewyork1", { name: "eastus", storageAccountType: "StandardSSD_LRS" }),
            ],
          }),
        },
        FAST_POLL,
      ),
    );
    const read = await fx.client.galleryApplicationVersions.get(RG, GALLERY, "edge", "1.0.0");
    for (const version of [updated, read])
      expect(
        version.publishingProfile!.targetExtendedLocations?.map((z) => [
          z.name,
          z.extendedLocation?.name,
          z.extendedLocationReplicaCount,
          z.storageAccountType,
        ]),
      ).toEqual([
        ["westus", "microsoftlosangeles1", 1, "Standard_LRS"],
        ["eastus", "microsoftnewyork1", 1, "StandardSSD_LRS"],
      ]);

    const duplicate = await fx.em.fetch(`${appPath("edge")}/versions/1.0.1?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          publishingProfile: publishingProfile({
            targetExtendedLocations: [zone("microsoftlosangeles1"), zone("MicrosoftLosAngeles1")],
          }),
        },
      }),
    });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).error).toMatchObject({
      code: "InvalidParameter",
      target: "galleryApplicationVersion.properties.publishingProfile.targetExtendedLocations[1].extendedLocation.name",
    });
  });

  it("answers malformed and invalid bodies with Azure's errors, never a 500", async () => {
    await createApplication("checks", "Windows");
    const put = async (path: string, body: unknown) => {
      const res = await fx.em.fetch(`${path}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
      return { status: res.status, error: (await res.json()).error as { code: string; message: string } };
    };
    const version = (name: string) => `${appPath("checks")}/versions/${name}`;
    const longCommand = "x".repeat(4097);
    const cases: [string, unknown, number, string, RegExp?][] = [
      [appPath("noos"), { location: "westeurope", properties: {} }, 400, "InvalidParameter", /supportedOSType/],
      [appPath("bados"), { location: "westeurope", properties: { supportedOSType: "Mac" } }, 400, "InvalidParameter"],
      [
        appPath("bad_"),
        { location: "westeurope", properties: { supportedOSType: "Linux" } },
        400,
        "InvalidResourceNameTrailingCharacters",
      ],
      [appPath("array"), [], 400, "InvalidRequestContent"],
      [
        appPath("params"),
        {
          location: "westeurope",
          properties: {
            supportedOSType: "Linux",
            customActions: [{ name: "a", script: "s", parameters: [{ name: "p", type: "Blob" }] }],
          },
        },
        400,
        "InvalidParameter",
      ],
      [appPath("elsewhere"), { location: "eastus", properties: { supportedOSType: "Linux" } }, 400, "InvalidParameter"],
      [version("1.0.0"), { location: "westeurope", properties: {} }, 400, "InvalidParameter", /publishingProfile/],
      [
        version("1.0.0"),
        { location: "westeurope", properties: { publishingProfile: { manageActions: { install: "i", remove: "r" } } } },
        400,
        "InvalidParameter",
        /source/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: {
            publishingProfile: { source: { mediaLink: "ftp://x/y" }, manageActions: { install: "i", remove: "r" } },
          },
        },
        400,
        "InvalidParameter",
        /mediaLink/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: { publishingProfile: { source: { mediaLink: MEDIA }, manageActions: { install: "i" } } },
        },
        400,
        "InvalidParameter",
        /manageActions\.remove/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: {
            publishingProfile: { source: { mediaLink: MEDIA }, manageActions: { install: longCommand, remove: "r" } },
          },
        },
        400,
        "InvalidParameter",
        /4096/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: {
            publishingProfile: { ...publishingProfile(), settings: { scriptBehaviorAfterReboot: "Always" } },
          },
        },
        400,
        "InvalidParameter",
        /scriptBehaviorAfterReboot/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: { publishingProfile: { ...publishingProfile(), targetRegions: [{ name: "northeurope" }] } },
        },
        400,
        "InvalidParameter",
        /must contain the location/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: { publishingProfile: { ...publishingProfile(), endOfLifeDate: "2001-01-01T00:00:00Z" } },
        },
        400,
        "InvalidParameter",
        /future/,
      ],
      [
        version("1.0.0"),
        {
          location: "westeurope",
          properties: { publishingProfile: { ...publishingProfile(), enableHealthCheck: "yes" } },
        },
        400,
        "InvalidRequestContent",
      ],
      [
        version("latest"),
        { location: "westeurope", properties: { publishingProfile: publishingProfile() } },
        400,
        "InvalidParameter",
      ],
      [
        `${appPath("missing")}/versions/1.0.0`,
        { location: "westeurope", properties: { publishingProfile: publishingProfile() } },
        404,
        "ParentResourceNotFound",
      ],
    ];
    for (const [path, body, status, code, message] of cases) {
      const answer = await put(path, body);
      expect({ path, body, status: answer.status, code: answer.error.code }).toEqual({ path, body, status, code });
      if (message) expect(answer.error.message).toMatch(message);
    }
  });

  it("refuses a package or configuration that is not a readable blob, naming the link without its SAS", async () => {
    await createApplication("unreadable", "Linux");
    const create = (source: { mediaLink: string; defaultConfigurationLink?: string }) =>
      fx.settle(
        fx.client.galleryApplicationVersions.createOrUpdate(
          RG,
          GALLERY,
          "unreadable",
          "1.0.0",
          { location: "westeurope", publishingProfile: { ...publishingProfile(), source } },
          FAST_POLL,
        ),
      );
    const missing = "https://contosoapps.blob.core.windows.net/packages/missing.zip";
    await expect(create({ mediaLink: `${missing}?sv=2024-01-01&sig=secret` })).rejects.toMatchObject({
      statusCode: 400,
      code: "InvalidParameter",
      message: `The SAS is not valid for source uri ${missing}.`,
    });
    await expect(
      create({ mediaLink: "https://nosuchaccount.blob.core.windows.net/packages/agent.zip" }),
    ).rejects.toMatchObject({ statusCode: 400, code: "InvalidParameter" });
    const raw = await fx.em.fetch(`${appPath("unreadable")}/versions/1.0.0?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          publishingProfile: {
            ...publishingProfile(),
            source: { mediaLink: MEDIA, defaultConfigurationLink: missing },
          },
        },
      }),
    });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error).toMatchObject({
      code: "InvalidParameter",
      target: "galleryApplicationVersion.properties.publishingProfile.source.defaultConfigurationLink",
    });

    await fx.blob(RG, "westeurope", missing);
    const created = await create({ mediaLink: missing });
    expect(created.provisioningState).toBe("Succeeded");
  });

  it("lists applications in Resource Graph's resources table", async () => {
    await createApplication("graphed", "Linux");
    await fx.settle(
      fx.client.galleryApplicationVersions.createOrUpdate(
        RG,
        GALLERY,
        "graphed",
        "2.0.0",
        { location: "westeurope", publishingProfile: publishingProfile() },
        FAST_POLL,
      ),
    );
    const res = await fx.em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01", {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify({
        subscriptions: [SUB],
        query:
          "resources | where type =~ 'microsoft.compute/galleries/applications' or type =~ 'microsoft.compute/galleries/applications/versions' | where name in ('graphed', '2.0.0') | project name, type, properties",
      }),
    });
    expect(res.status).toBe(200);
    const rows = (await res.json()).data as { name: string; type: string; properties: Record<string, unknown> }[];
    expect(rows.map((r) => r.name).sort()).toEqual(["2.0.0", "graphed"]);
    const version = rows.find((r) => r.name === "2.0.0")!;
    expect(version.properties).toMatchObject({
      provisioningState: "Succeeded",
      publishingProfile: { source: { mediaLink: MEDIA } },
    });
  });

  it("pages applications and versions with nextLink", async () => {
    for (const name of ["paged-a", "paged-b", "paged-c"]) {
      await fx.settle(
        fx.client.galleryApplications.createOrUpdate(
          RG,
          GALLERY,
          name,
          { location: "westeurope", supportedOSType: "Linux" },
          FAST_POLL,
        ),
      );
    }
    for (const version of ["1.0.0", "1.0.1", "1.0.2"]) {
      await fx.settle(
        fx.client.galleryApplicationVersions.createOrUpdate(
          RG,
          GALLERY,
          "paged-a",
          version,
          { location: "westeurope", publishingProfile: publishingProfile() },
          FAST_POLL,
        ),
      );
    }
    const firstPage = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/applications?${API}`,
      { as: ADMIN },
    );
    const page = (await firstPage.json()) as { value: unknown[]; nextLink?: string };
    expect(page.value).toHaveLength(2);
    expect(page.nextLink).toBeDefined();
    const apps = await collect(fx.client.galleryApplications.listByGallery(RG, GALLERY));
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining(["paged-a", "paged-b", "paged-c"]));
    const versions = await collect(
      fx.client.galleryApplicationVersions.listByGalleryApplication(RG, GALLERY, "paged-a"),
    );
    expect(versions.map((v) => v.name).sort()).toEqual(["1.0.0", "1.0.1", "1.0.2"]);
  });
});
