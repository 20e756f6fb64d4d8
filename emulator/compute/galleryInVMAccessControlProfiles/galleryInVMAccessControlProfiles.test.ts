import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../../seed/wellKnown.js";
import { collect, computeFixture } from "../../testing/computeFixture.js";
import { FAST_POLL } from "../../testing/harness.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-access";
const GALLERY = "Access";
const API = "api-version=2025-12-03";

function profilePath(profile: string, version?: string) {
  const base = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${GALLERY}/inVMAccessControlProfiles/${profile}`;
  return version ? `${base}/versions/${version}` : base;
}

const RULES = {
  privileges: [{ name: "GoalState", path: "/machine", queryParameters: { comp: "goalstate" } }],
  roles: [{ name: "Provisioning", privileges: ["GoalState"] }],
  identities: [
    { name: "WinPA", userName: "SYSTEM", groupName: "Administrators", exePath: "C:\\agent.exe", processName: "agent" },
  ],
  roleAssignments: [{ role: "Provisioning", identities: ["WinPA"] }],
};

describe("in-VM access control profiles and versions through @azure/arm-compute", () => {
  const fx = computeFixture({ lroSeconds: 2, resourceGroups: { [RG]: "westeurope" } });

  beforeAll(async () => {
    await fx.gallery(RG, GALLERY, { location: "westeurope" });
  });

  it("creates, updates, lists and deletes a profile (GalleryInVMAccessControlProfile_Create / _Update)", async () => {
    const created = await fx.settle(
      fx.client.galleryInVMAccessControlProfiles.createOrUpdate(
        RG,
        GALLERY,
        "wireserver",
        {
          location: "westeurope",
          properties: { osType: "Windows", applicableHostEndpoint: "WireServer", description: "Agents only." },
        },
        FAST_POLL,
      ),
    );
    expect(created.type).toBe("Microsoft.Compute/galleries/inVMAccessControlProfiles");
    expect(created.properties).toMatchObject({
      osType: "Windows",
      applicableHostEndpoint: "WireServer",
      provisioningState: "Succeeded",
    });
    const updated = await fx.settle(
      fx.client.galleryInVMAccessControlProfiles.update(
        RG,
        GALLERY,
        "wireserver",
        { properties: { osType: "Windows", applicableHostEndpoint: "WireServer", description: "Agents and SYSTEM." } },
        FAST_POLL,
      ),
    );
    expect(updated.properties?.description).toBe("Agents and SYSTEM.");
    const endpointChange = await fx.em.fetch(`${profilePath("wireserver")}?${API}`, {
      method: "PATCH",
      as: ADMIN,
      body: JSON.stringify({ properties: { applicableHostEndpoint: "IMDS" } }),
    });
    expect(endpointChange.status).toBe(409);
    expect((await endpointChange.json()).error.code).toBe("PropertyChangeNotAllowed");

    const listed = await collect(fx.client.galleryInVMAccessControlProfiles.listByGallery(RG, GALLERY));
    expect(listed.map((p) => p.name)).toContain("wireserver");
    await fx.settle(fx.client.galleryInVMAccessControlProfiles.delete(RG, GALLERY, "wireserver", FAST_POLL));
    await expect(fx.client.galleryInVMAccessControlProfiles.get(RG, GALLERY, "wireserver")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("creates a version with rules, replicates it over the clock, updates and deletes it", async () => {
    await fx.settle(
      fx.client.galleryInVMAccessControlProfiles.createOrUpdate(
        RG,
        GALLERY,
        "imds",
        { location: "westeurope", properties: { osType: "Linux", applicableHostEndpoint: "IMDS" } },
        FAST_POLL,
      ),
    );
    const poller = fx.client.galleryInVMAccessControlProfileVersions.createOrUpdate(
      RG,
      GALLERY,
      "imds",
      "1.0.0",
      {
        location: "westeurope",
        mode: "Audit",
        defaultAccess: "Allow",
        rules: RULES,
        targetLocations: [{ name: "West Europe" }, { name: "East US", regionalReplicaCount: 2 }],
      },
      FAST_POLL,
    );
    await poller.submitted();
    const running = await fx.client.galleryInVMAccessControlProfileVersions.get(RG, GALLERY, "imds", "1.0.0");
    expect(running.provisioningState).toBe("Creating");
    expect(running.replicationStatus?.aggregatedState).toBe("InProgress");

    const done = await fx.settle(poller, 60);
    expect(done).toMatchObject({ mode: "Audit", defaultAccess: "Allow", excludeFromLatest: false });
    expect(done.rules).toEqual(RULES);
    expect(done.replicationStatus?.aggregatedState).toBe("Completed");
    expect(done.targetLocations?.map((t) => [t.name, t.regionalReplicaCount])).toEqual([
      ["West Europe", 1],
      ["East US", 2],
    ]);
    expect(done.publishedDate).toBeInstanceOf(Date);

    const enforced = await fx.settle(
      fx.client.galleryInVMAccessControlProfileVersions.update(
        RG,
        GALLERY,
        "imds",
        "1.0.0",
        { mode: "Enforce", defaultAccess: "Deny" },
        FAST_POLL,
      ),
      60,
    );
    expect(enforced).toMatchObject({ mode: "Enforce", defaultAccess: "Deny" });
    expect(enforced.rules).toEqual(RULES);
    const versions = await collect(
      fx.client.galleryInVMAccessControlProfileVersions.listByGalleryInVMAccessControlProfile(RG, GALLERY, "imds"),
    );
    expect(versions.map((v) => v.name)).toEqual(["1.0.0"]);

    const graph = await fx.em.fetch("/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01", {
      method: "POST",
      as: ADMIN,
      body: JSON.stringify({
        query:
          "resources | where type startswith 'microsoft.compute/galleries/invmaccesscontrolprofiles' | project name, type, properties",
      }),
    });
    const rows = (
      (await graph.json()) as { data: { name: string; type: string; properties: Record<string, unknown> }[] }
    ).data;
    expect(rows.map((r) => [r.type, r.name]).sort()).toEqual([
      ["microsoft.compute/galleries/invmaccesscontrolprofiles", "imds"],
      ["microsoft.compute/galleries/invmaccesscontrolprofiles/versions", "1.0.0"],
    ]);
    expect(rows.find((r) => r.name === "1.0.0")?.properties).toMatchObject({ mode: "Enforce", defaultAccess: "Deny" });

    const blocked = await fx.em.fetch(`${profilePath("imds")}?${API}`, { method: "DELETE", as: ADMIN });
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.code).toBe("CannotDeleteResource");

    await fx.settle(fx.client.galleryInVMAccessControlProfileVersions.delete(RG, GALLERY, "imds", "1.0.0", FAST_POLL));
    await fx.settle(fx.client.galleryInVMAccessControlProfiles.delete(RG, GALLERY, "imds", FAST_POLL));
  });

  it("refuses rules that refer to undefined roles, privileges or identities, and bad enums, with Azure's errors", async () => {
    const put = (path: string, body: unknown) =>
      fx.em.fetch(`${path}?${API}`, { method: "PUT", as: ADMIN, body: JSON.stringify(body) });
    const badEndpoint = await put(profilePath("checks"), {
      location: "westeurope",
      properties: { osType: "Linux", applicableHostEndpoint: "Metadata" },
    });
    expect(badEndpoint.status).toBe(400);
    expect((await badEndpoint.json()).error.message).toContain("applicableHostEndpoint");
    const created = await put(profilePath("checks"), {
      location: "westeurope",
      properties: { osType: "Linux", applicableHostEndpoint: "IMDS" },
    });
    expect(created.status).toBe(201);
    await fx.em.advance(5);

    const cases: [unknown, string][] = [
      [{ defaultAccess: "Allow" }, "mode"],
      [{ mode: "Strict", defaultAccess: "Allow" }, "mode"],
      [{ mode: "Audit", defaultAccess: "Maybe" }, "defaultAccess"],
      [
        { mode: "Audit", defaultAccess: "Allow", rules: { ...RULES, roles: [{ name: "R", privileges: ["Nope"] }] } },
        "Nope",
      ],
      [
        {
          mode: "Audit",
          defaultAccess: "Allow",
          rules: { ...RULES, roleAssignments: [{ role: "Ghost", identities: [] }] },
        },
        "Ghost",
      ],
      [
        {
          mode: "Audit",
          defaultAccess: "Allow",
          rules: { ...RULES, roleAssignments: [{ role: "Provisioning", identities: ["Nobody"] }] },
        },
        "Nobody",
      ],
      [{ mode: "Audit", defaultAccess: "Allow", rules: { identities: [{ name: "empty" }] } }, "userName"],
      [{ mode: "Audit", defaultAccess: "Allow", rules: { privileges: [{ name: "p" }] } }, "path"],
      [{ mode: "Audit", defaultAccess: "Allow", rules: { roles: "all" } }, "roles"],
      [
        { mode: "Audit", defaultAccess: "Allow", targetLocations: [{ name: "westeurope", regionalReplicaCount: 0 }] },
        "regionalReplicaCount",
      ],
      // The image version's region rules, reported under the profile version's names.
      [
        { mode: "Audit", defaultAccess: "Allow", targetLocations: [{ name: "mars" }] },
        '"target":"galleryInVMAccessControlProfileVersion.properties.targetLocations[0].name"',
      ],
    ];
    for (const [properties, mentions] of cases) {
      const res = await put(profilePath("checks", "1.0.0"), { location: "westeurope", properties });
      expect(res.status, JSON.stringify(properties)).toBe(400);
      expect(JSON.stringify(await res.json()), JSON.stringify(properties)).toContain(mentions);
    }
    const noBody = await fx.em.fetch(`${profilePath("checks", "1.0.0")}?${API}`, {
      method: "PUT",
      as: ADMIN,
      body: "",
    });
    expect(noBody.status).toBeLessThan(500);
  });
});
