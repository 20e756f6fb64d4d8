import type { GalleryScriptVersion } from "@azure/arm-compute";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-scripts";
const GALLERY = "Scripts";
const API = "api-version=2025-12-03";
const SCRIPT_LINK = "https://contosoblobs.blob.core.windows.net/scripts/setup.ps1";

function scriptPath(script: string, version?: string) {
  const base = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/scripts/${script}`;
  return version ? `${base}/versions/${version}` : base;
}

function regionStates(version: GalleryScriptVersion) {
  return Object.fromEntries((version.properties?.replicationStatus?.summary ?? []).map((s) => [s.region, s.state]));
}

describe("gallery scripts and script versions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
  });

  it("creates, reads, lists, updates and deletes a script (GalleryScript_Create / _Update / _Delete)", async () => {
    const created = await fx.settle(
      fx.client.galleryScripts.createOrUpdate(
        RG,
        GALLERY,
        "bootstrap",
        {
          location: "West Europe",
          properties: {
            description: "Joins the domain.",
            eula: "Contoso EULA",
            privacyStatementUri: "https://contoso.example/privacy",
            releaseNoteUri: "https://contoso.example/notes",
            supportedOSType: "Windows",
          },
        },
        FAST_POLL,
      ),
    );
    expect(created.type).toBe("Microsoft.Compute/galleries/scripts");
    expect(created.location).toBe("westeurope");
    expect(created.properties).toMatchObject({ supportedOSType: "Windows", provisioningState: "Succeeded" });

    const updated = await fx.settle(
      fx.client.galleryScripts.update(RG, GALLERY, "bootstrap", { description: "Joins the domain, v2." }, FAST_POLL),
    );
    expect(updated.properties).toMatchObject({ description: "Joins the domain, v2.", eula: "Contoso EULA" });

    const changedOs = await fx.em.fetch(`${scriptPath("bootstrap")}?${API}`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { supportedOSType: "Linux" } }),
    });
    expect(changedOs.status).toBe(409);
    expect((await changedOs.json()).error.code).toBe("PropertyChangeNotAllowed");

    const listed = await collect(fx.client.galleryScripts.listByGallery(RG, GALLERY));
    expect(listed.map((s) => s.name)).toContain("bootstrap");

    await fx.settle(fx.client.galleryScripts.delete(RG, GALLERY, "bootstrap", FAST_POLL));
    await expect(fx.client.galleryScripts.get(RG, GALLERY, "bootstrap")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("replicates a script version over the emulator's clock and reports progress with $expand", async () => {
    await fx.settle(
      fx.client.galleryScripts.createOrUpdate(
        RG,
        GALLERY,
        "configure",
        { location: "westeurope", properties: { supportedOSType: "Linux" } },
        FAST_POLL,
      ),
    );
    const poller = fx.client.galleryScriptVersions.createOrUpdate(
      RG,
      GALLERY,
      "configure",
      "1.0.0",
      {
        location: "westeurope",
        properties: {
          publishingProfile: {
            source: {
              scriptLink: `${SCRIPT_LINK}?sv=2024&sig=secret`,
              parameters: [
                { name: "units", required: true, type: "Int", defaultValue: "3", minValue: "1", maxValue: "5" },
                { name: "kind", type: "Enum", defaultValue: "Fruit", enumValues: ["Fruit", "Nuts"] },
              ],
            },
            targetRegions: [
              { name: "West Europe" },
              {
                name: "North Europe",
                regionalReplicaCount: 2,
                additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }],
              },
            ],
          },
          safetyProfile: { allowDeletionOfReplicatedLocations: false },
        },
      },
      FAST_POLL,
    );
    await poller.submitted();
    const running = await fx.client.galleryScriptVersions.get(RG, GALLERY, "configure", "1.0.0");
    expect(running.properties?.provisioningState).toBe("Creating");
    const raw = await fx.em.fetch(`${scriptPath("configure", "1.0.0")}?${API}&$expand=ReplicationStatus`, {
      as: ADMIN,
    });
    const body = await raw.json();
    expect(body.properties.replicationStatus.aggregatedState).toBe("InProgress");
    expect(body.properties.publishingProfile.source.scriptLink).toBe(SCRIPT_LINK);

    const done = await fx.settle(poller, 60);
    expect(done.properties?.provisioningState).toBe("Succeeded");
    const after = await fx.em.fetch(`${scriptPath("configure", "1.0.0")}?${API}&$expand=ReplicationStatus`, {
      as: ADMIN,
    });
    const completed = (await after.json()) as GalleryScriptVersion;
    expect(regionStates(completed)).toEqual({ "West Europe": "Completed", "North Europe": "Completed" });
    expect(done.properties?.publishingProfile.targetRegions).toEqual([
      // No storage given: PreferStandard_ZRS, and West Europe has zones.
      expect.objectContaining({ name: "West Europe", regionalReplicaCount: 1, storageAccountType: "Standard_ZRS" }),
      expect.objectContaining({
        name: "North Europe",
        regionalReplicaCount: 2,
        // The spec's TargetRegion: direct drive replicas are kept as given.
        additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }],
      }),
    ]);

    const updated = await fx.settle(
      fx.client.galleryScriptVersions.update(
        RG,
        GALLERY,
        "configure",
        "1.0.0",
        {
          publishingProfile: {
            source: { scriptLink: SCRIPT_LINK },
            excludeFromLatest: true,
            storageAccountStrategy: "DefaultStandard_LRS",
          },
        },
        FAST_POLL,
      ),
      60,
    );
    expect(updated.properties?.publishingProfile).toMatchObject({
      excludeFromLatest: true,
      storageAccountStrategy: "DefaultStandard_LRS",
    });
    const versions = await collect(fx.client.galleryScriptVersions.listByGalleryScript(RG, GALLERY, "configure"));
    expect(versions.map((v) => v.name)).toEqual(["1.0.0"]);

    const graph = await fx.em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01", {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify({
        query:
          "resources | where type startswith 'microsoft.compute/galleries/scripts' | project name, type, properties",
      }),
    });
    const rows = (
      (await graph.json()) as { data: { name: string; type: string; properties: Record<string, unknown> }[] }
    ).data;
    expect(rows.map((r) => [r.type, r.name]).sort()).toEqual([
      ["microsoft.compute/galleries/scripts", "configure"],
      ["microsoft.compute/galleries/scripts/versions", "1.0.0"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("sig=secret");

    const blocked = await fx.em.fetch(`${scriptPath("configure")}?${API}`, { method: "DELETE", as: ADMIN });
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.code).toBe("CannotDeleteResource");
    const galleryBlocked = await fx.em.fetch(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}?${API}`,
      { method: "DELETE", as: ADMIN },
    );
    expect(galleryBlocked.status).toBe(409);
    expect(JSON.stringify(await galleryBlocked.json())).toContain("scripts/configure");

    await fx.settle(fx.client.galleryScriptVersions.delete(RG, GALLERY, "configure", "1.0.0", FAST_POLL));
    await expect(fx.client.galleryScriptVersions.get(RG, GALLERY, "configure", "1.0.0")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("keeps a script version's edge zones (targetExtendedLocations) with their defaults", async () => {
    await fx.settle(
      fx.client.galleryScripts.createOrUpdate(
        RG,
        GALLERY,
        "edge",
        { location: "westeurope", properties: { supportedOSType: "Linux" } },
        FAST_POLL,
      ),
    );
    const created = await fx.settle(
      fx.client.galleryScriptVersions.createOrUpdate(
        RG,
        GALLERY,
        "edge",
        "1.0.0",
        {
          location: "westeurope",
          properties: {
            publishingProfile: {
              source: { scriptLink: SCRIPT_LINK },
              targetExtendedLocations: [
                { name: "westus", extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" } },
                {
                  name: "eastus",
                  extendedLocation: { name: "microsoftnewyork1" },
                  extendedLocationReplicaCount: 3,
                  storageAccountType: "Premium_LRS",
                },
              ],
            },
          },
        },
        FAST_POLL,
      ),
    );
    const read = await fx.client.galleryScriptVersions.get(RG, GALLERY, "edge", "1.0.0");
    for (const version of [created, read])
      expect(version.properties!.publishingProfile.targetExtendedLocations).toEqual([
        {
          name: "westus",
          extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
          extendedLocationReplicaCount: 1,
          storageAccountType: "Standard_LRS",
        },
        {
          name: "eastus",
          extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
          extendedLocationReplicaCount: 3,
          storageAccountType: "Premium_LRS",
        },
      ]);

    const unknownRegion = await fx.em.fetch(`${scriptPath("edge", "1.0.1")}?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({
        location: "westeurope",
        properties: {
          publishingProfile: {
            source: { scriptLink: SCRIPT_LINK },
            targetExtendedLocations: [{ name: "atlantis", extendedLocation: { name: "z" } }],
          },
        },
      }),
    });
    expect(unknownRegion.status).toBe(400);
    expect((await unknownRegion.json()).error.target).toBe(
      "galleryScriptVersion.properties.publishingProfile.targetExtendedLocations[0].name",
    );
  });

  it("refuses malformed bodies with Azure's errors, never a 500", async () => {
    const put = (path: string, body: unknown) =>
      fx.em.fetch(`${path}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
    const missingOs = await put(scriptPath("nameless"), { location: "westeurope", properties: {} });
    expect(missingOs.status).toBe(400);
    expect((await missingOs.json()).error.message).toContain("supportedOSType");
    const badOs = await put(scriptPath("nameless"), { location: "westeurope", properties: { supportedOSType: "Mac" } });
    expect((await badOs.json()).error.code).toBe("InvalidParameter");
    const notObject = await put(scriptPath("nameless"), [1]);
    expect(notObject.status).toBe(400);
    const otherRegion = await put(scriptPath("nameless"), {
      location: "eastus",
      properties: { supportedOSType: "Linux" },
    });
    expect(otherRegion.status).toBe(400);

    await put(scriptPath("checks"), { location: "westeurope", properties: { supportedOSType: "Linux" } });
    await fx.em.advance(5);
    const cases: [unknown, string][] = [
      [{}, "publishingProfile"],
      [{ publishingProfile: { source: {} } }, "scriptLink"],
      [{ publishingProfile: { source: { scriptLink: "not a uri" } } }, "scriptLink"],
      [
        { publishingProfile: { source: { scriptLink: SCRIPT_LINK, parameters: [{ name: "a", type: "Enum" }] } } },
        "enumValues",
      ],
      [
        {
          publishingProfile: {
            source: { scriptLink: SCRIPT_LINK, parameters: [{ name: "n", type: "Int", minValue: "5", maxValue: "1" }] },
          },
        },
        "minValue",
      ],
      [
        { publishingProfile: { source: { scriptLink: SCRIPT_LINK, parameters: [{ name: "n", type: "Decimal" }] } } },
        "type",
      ],
      [{ publishingProfile: { source: { scriptLink: SCRIPT_LINK }, replicaCount: 0 } }, "replicaCount"],
      [{ publishingProfile: { source: { scriptLink: SCRIPT_LINK }, targetRegions: [{ name: "mars" }] } }, "mars"],
      // The image version's region rules, reported under the script version's names.
      [
        { publishingProfile: { source: { scriptLink: SCRIPT_LINK }, targetRegions: [{ name: "mars" }] } },
        '"target":"galleryScriptVersion.properties.publishingProfile.targetRegions[0].name"',
      ],
    ];
    for (const [properties, mentions] of cases) {
      const res = await put(scriptPath("checks", "1.0.0"), { location: "westeurope", properties });
      expect(res.status, JSON.stringify(properties)).toBe(400);
      expect(JSON.stringify(await res.json()), JSON.stringify(properties)).toContain(mentions);
    }
    const badVersionName = await put(scriptPath("checks", "latest"), {
      location: "westeurope",
      properties: { publishingProfile: { source: { scriptLink: SCRIPT_LINK } } },
    });
    expect(badVersionName.status).toBe(400);
    const noParent = await put(scriptPath("absent", "1.0.0"), {
      location: "westeurope",
      properties: { publishingProfile: { source: { scriptLink: SCRIPT_LINK } } },
    });
    expect(noParent.status).toBe(404);
  });
});
