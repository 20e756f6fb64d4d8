import { randomUUID } from "node:crypto";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArmRestClient, installAuthPolicy } from "../../lib/azure/clients.js";
import { ARM_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { BUILT_IN_ROLE_IDS, BUILT_IN_ROLES } from "./builtInRoles.js";

/**
 * The access matrix of issue 4: every persona × {read, write, delete, assign roles} × {subscription, resource
 * group, gallery, definition, version}, through the real SDK clients, against expectations derived from the
 * built-in role definitions (and checked against a table written out by hand, so a slip in either shows).
 */

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "rg-gallery";
const GALLERY = "gal";
const IMAGE = "ubuntu";
const OTHER_IMAGE = "windows";
const SUB_ID = `/subscriptions/${SUB}`;
const RG_ID = `${SUB_ID}/resourceGroups/${RG}`;
const GALLERY_ID = `${RG_ID}/providers/Microsoft.Compute/galleries/${GALLERY}`;
const IMAGE_ID = `${GALLERY_ID}/images/${IMAGE}`;
const VERSION_ID = `${IMAGE_ID}/versions/1.0.0`;

type Role = keyof typeof BUILT_IN_ROLE_IDS;
interface Persona {
  key: string;
  objectId: string;
  upn: string;
  assignments: { role: Role; scope: string }[];
}
const persona = (key: string, n: number, assignments: Persona["assignments"]): Persona => ({
  key,
  objectId: `40000000-0000-4000-8000-00000000000${n}`,
  upn: `${key}@emulator.onmicrosoft.com`,
  assignments,
});
const PERSONAS: Persona[] = [
  persona("owner", 1, [{ role: "Owner", scope: SUB_ID }]),
  persona("contributor", 2, [{ role: "Contributor", scope: RG_ID }]),
  persona("accessadmin", 3, [{ role: "UserAccessAdministrator", scope: RG_ID }]),
  persona("publisher", 4, [{ role: "ComputeGalleryArtifactsPublisher", scope: GALLERY_ID }]),
  persona("reader", 5, [{ role: "Reader", scope: GALLERY_ID }]),
  persona("imagereader", 6, [{ role: "ComputeGalleryImageReader", scope: IMAGE_ID }]),
  persona("noaccess", 7, []),
];
const TARGET_PRINCIPAL = "40000000-0000-4000-8000-0000000000ff";

const SCOPES = ["subscription", "resourceGroup", "gallery", "definition", "version"] as const;
const OPERATIONS = ["read", "write", "delete", "assign"] as const;
type Scope = (typeof SCOPES)[number];
type Operation = (typeof OPERATIONS)[number];

/**
 * Allowed cells, written out: one row per persona, one column per scope (sub, rg, gallery, definition, version),
 * each cell the operations allowed there (r read, w write, d delete, a assign roles; - none).
 */
const EXPECTED_TABLE: Record<string, string> = {
  //             sub    rg     gallery definition version
  owner: "rwda  rwda   rwda    rwda       rwda",
  contributor: "r     rwd    rwd     rwd        rwd",
  accessadmin: "r     ra     ra      ra         ra",
  publisher: "r     -      rwd     rwd        rwd",
  reader: "r     -      r       r          r",
  imagereader: "r     -      -       r          r",
  noaccess: "-     -      -       -          -",
};

// --- expectations derived from the role definitions, with a matcher of the test's own -------------------------

function patternCovers(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase().split("/");
  const a = action.toLowerCase().split("/");
  // Azure's wildcards in these roles stand for whole segments or a trailing rest ("Microsoft.Compute/galleries/*").
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "*") {
      if (i === p.length - 1) return a.length >= p.length;
      if (p.slice(i + 1).join("/") === a.slice(a.length - (p.length - i - 1)).join("/")) return a.length >= p.length;
      return false;
    }
    if (p[i] !== a[i]) return false;
  }
  return p.length === a.length;
}

function roleGrants(role: Role, action: string): boolean {
  const definition = BUILT_IN_ROLES.find((r) => r.name === BUILT_IN_ROLE_IDS[role])!;
  return definition.permissions.some(
    (p) => p.actions.some((x) => patternCovers(x, action)) && !p.notActions.some((x) => patternCovers(x, action)),
  );
}

const covers = (ancestor: string, scope: string) =>
  scope.toLowerCase() === ancestor.toLowerCase() || scope.toLowerCase().startsWith(`${ancestor.toLowerCase()}/`);

/** The action each cell needs and the scope ARM checks it at; `null` for ARM's subscription visibility rule. */
function requirement(op: Operation, scope: Scope, p: Persona): { action: string; at: string } | null {
  const scratch = {
    rg: `${SUB_ID}/resourceGroups/rg-scratch-${p.key}`,
    gallery: `${RG_ID}/providers/Microsoft.Compute/galleries/scratch${p.key}`,
  };
  const target = {
    subscription: SUB_ID,
    resourceGroup: RG_ID,
    gallery: GALLERY_ID,
    definition: IMAGE_ID,
    version: VERSION_ID,
  }[scope];
  if (op === "assign") return { action: "Microsoft.Authorization/roleAssignments/write", at: target };
  const table: Record<Scope, Record<Exclude<Operation, "assign">, { action: string; at: string } | null>> = {
    // A subscription is visible to whoever holds any role in it; writing and deleting there means creating and
    // deleting resource groups.
    subscription: {
      read: null,
      write: {
        action: "Microsoft.Resources/subscriptions/resourceGroups/write",
        at: `${SUB_ID}/resourceGroups/rg-new-${p.key}`,
      },
      delete: { action: "Microsoft.Resources/subscriptions/resourceGroups/delete", at: scratch.rg },
    },
    // Within the resource group: update its tags; delete a gallery of its own.
    resourceGroup: {
      read: { action: "Microsoft.Resources/subscriptions/resourceGroups/read", at: RG_ID },
      write: { action: "Microsoft.Resources/subscriptions/resourceGroups/write", at: RG_ID },
      delete: { action: "Microsoft.Compute/galleries/delete", at: scratch.gallery },
    },
    gallery: {
      read: { action: "Microsoft.Compute/galleries/read", at: GALLERY_ID },
      write: { action: "Microsoft.Compute/galleries/write", at: GALLERY_ID },
      delete: { action: "Microsoft.Compute/galleries/delete", at: GALLERY_ID },
    },
    definition: {
      read: { action: "Microsoft.Compute/galleries/images/read", at: IMAGE_ID },
      write: { action: "Microsoft.Compute/galleries/images/write", at: IMAGE_ID },
      delete: { action: "Microsoft.Compute/galleries/images/delete", at: IMAGE_ID },
    },
    version: {
      read: { action: "Microsoft.Compute/galleries/images/versions/read", at: VERSION_ID },
      write: { action: "Microsoft.Compute/galleries/images/versions/write", at: VERSION_ID },
      delete: {
        action: "Microsoft.Compute/galleries/images/versions/delete",
        at: `${IMAGE_ID}/versions/2.0.${PERSONAS.indexOf(p)}`,
      },
    },
  };
  return table[scope][op];
}

function expectedAllowed(p: Persona, op: Operation, scope: Scope): boolean {
  const need = requirement(op, scope, p);
  if (!need) return p.assignments.some((a) => a.scope.toLowerCase().startsWith(SUB_ID.toLowerCase()));
  return p.assignments.some((a) => covers(a.scope, need.at) && roleGrants(a.role, need.action));
}

function tableAllowed(p: Persona, op: Operation, scope: Scope): boolean {
  const cell = EXPECTED_TABLE[p.key]!.trim().split(/\s+/)[SCOPES.indexOf(scope)]!;
  return cell.includes(op === "assign" ? "a" : op[0]!);
}

describe("the access matrix: personas × operations × scopes", () => {
  let em: TestEmulator;
  const authorization = (who: string) => {
    const c = new AuthorizationManagementClient(em.credential(who), SUB, {
      endpoint: em.url,
      allowInsecureConnection: true,
    });
    installAuthPolicy(c.pipeline, em.url, em.credential(who), [`${ARM_AUDIENCE}/.default`]);
    return c;
  };
  /** The subscriptions the caller sees, through the same REST client the dashboard uses for `GET /subscriptions`. */
  const visibleSubscriptions = async (who: string) =>
    (
      await createArmRestClient(em.url, em.credential(who)).listAll<{ subscriptionId: string }>(
        "/subscriptions?api-version=2022-12-01",
      )
    ).map((s) => s.subscriptionId);
  /** Awaits a long-running operation while the emulator's clock moves, as replication takes emulated minutes. */
  async function settle<T>(work: Promise<T>): Promise<T> {
    const timer = setInterval(() => void em.advance(60), 10);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }

  async function createVersion(name: string, source: string) {
    await settle(
      em
        .compute(ADMIN, SUB)
        .galleryImageVersions.beginCreateOrUpdateAndWait(
          RG,
          GALLERY,
          IMAGE,
          name,
          { location: "westeurope", storageProfile: { source: { id: source } } },
          FAST_POLL,
        ),
    );
  }

  beforeAll(async () => {
    em = await startTestEmulator();
    const { directory } = em.emulator.ctx;
    for (const p of PERSONAS)
      directory.addPrincipal({
        objectId: p.objectId,
        tenantId: EMPTY_SEED.tenantId,
        kind: "User",
        displayName: p.key,
        upn: p.upn,
      });
    directory.addPrincipal({
      objectId: TARGET_PRINCIPAL,
      tenantId: EMPTY_SEED.tenantId,
      kind: "User",
      displayName: "share target",
      upn: "target@emulator.onmicrosoft.com",
    });

    const groups = em.resources(ADMIN, SUB).resourceGroups;
    await groups.createOrUpdate(RG, { location: "westeurope" });
    for (const p of PERSONAS) await groups.createOrUpdate(`rg-scratch-${p.key}`, { location: "westeurope" });

    const compute = em.compute(ADMIN, SUB);
    await settle(compute.galleries.beginCreateOrUpdateAndWait(RG, GALLERY, { location: "westeurope" }, FAST_POLL));
    for (const p of PERSONAS)
      await settle(
        compute.galleries.beginCreateOrUpdateAndWait(RG, `scratch${p.key}`, { location: "westeurope" }, FAST_POLL),
      );
    for (const [image, sku] of [
      [IMAGE, "22_04"],
      [OTHER_IMAGE, "2022"],
    ] as const) {
      await settle(
        compute.galleryImages.beginCreateOrUpdateAndWait(
          RG,
          GALLERY,
          image,
          {
            location: "westeurope",
            identifier: { publisher: "Contoso", offer: image, sku },
            osType: "Linux",
            osState: "Generalized",
            hyperVGeneration: "V2",
          },
          FAST_POLL,
        ),
      );
    }
    const managedImage = await settle(
      compute.images.beginCreateOrUpdateAndWait(
        RG,
        "base",
        {
          location: "westeurope",
          hyperVGeneration: "V2",
          storageProfile: {
            osDisk: {
              osType: "Linux",
              osState: "Generalized",
              blobUri: "https://sa.blob.core.windows.net/vhds/base.vhd",
              diskSizeGB: 30,
            },
          },
        },
        FAST_POLL,
      ),
    );
    await createVersion("1.0.0", managedImage.id!);
    for (let i = 0; i < PERSONAS.length; i++) await createVersion(`2.0.${i}`, managedImage.id!);

    const admin = authorization(ADMIN);
    for (const p of PERSONAS) {
      for (const a of p.assignments) {
        await admin.roleAssignments.create(a.scope, randomUUID(), {
          roleDefinitionId: `${SUB_ID}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS[a.role]}`,
          principalId: p.objectId,
          principalType: "User",
        });
      }
    }
  }, 120_000);
  afterAll(() => em.close());

  /** Performs one cell as the persona through the SDK; resolves to true when ARM let it through. */
  async function attempt(p: Persona, op: Operation, scope: Scope): Promise<{ allowed: boolean; detail: string }> {
    const compute = em.compute(p.upn, SUB);
    const groups = em.resources(p.upn, SUB).resourceGroups;
    const run = async (): Promise<void> => {
      if (op === "assign") {
        const target = {
          subscription: SUB_ID,
          resourceGroup: RG_ID,
          gallery: GALLERY_ID,
          definition: IMAGE_ID,
          version: VERSION_ID,
        }[scope];
        const created = await authorization(p.upn).roleAssignments.create(target, randomUUID(), {
          roleDefinitionId: `${SUB_ID}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.Reader}`,
          principalId: TARGET_PRINCIPAL,
          principalType: "User",
        });
        await authorization(ADMIN).roleAssignments.deleteById(created.id!);
        return;
      }
      const cells: Record<Scope, Record<Exclude<Operation, "assign">, () => Promise<unknown>>> = {
        subscription: {
          read: async () => {
            if (!(await visibleSubscriptions(p.upn)).includes(SUB))
              throw Object.assign(new Error("not listed"), { statusCode: 404, code: "SubscriptionNotFound" });
          },
          write: () => groups.createOrUpdate(`rg-new-${p.key}`, { location: "westeurope" }),
          delete: () => groups.beginDeleteAndWait(`rg-scratch-${p.key}`, FAST_POLL),
        },
        resourceGroup: {
          read: () => groups.get(RG),
          write: () => groups.update(RG, { tags: { touchedBy: p.key } }),
          delete: () => settle(compute.galleries.beginDeleteAndWait(RG, `scratch${p.key}`, FAST_POLL)),
        },
        gallery: {
          read: () => compute.galleries.get(RG, GALLERY),
          write: () =>
            settle(compute.galleries.beginUpdateAndWait(RG, GALLERY, { description: `edited by ${p.key}` }, FAST_POLL)),
          delete: () => compute.galleries.beginDeleteAndWait(RG, GALLERY, FAST_POLL),
        },
        definition: {
          read: () => compute.galleryImages.get(RG, GALLERY, IMAGE),
          write: () =>
            settle(
              compute.galleryImages.beginUpdateAndWait(
                RG,
                GALLERY,
                IMAGE,
                { description: `edited by ${p.key}` },
                FAST_POLL,
              ),
            ),
          delete: () => compute.galleryImages.beginDeleteAndWait(RG, GALLERY, IMAGE, FAST_POLL),
        },
        version: {
          read: () => compute.galleryImageVersions.get(RG, GALLERY, IMAGE, "1.0.0"),
          write: () =>
            settle(
              compute.galleryImageVersions.beginUpdateAndWait(
                RG,
                GALLERY,
                IMAGE,
                "1.0.0",
                { tags: { touchedBy: p.key } },
                FAST_POLL,
              ),
            ),
          delete: () =>
            settle(
              compute.galleryImageVersions.beginDeleteAndWait(
                RG,
                GALLERY,
                IMAGE,
                `2.0.${PERSONAS.indexOf(p)}`,
                FAST_POLL,
              ),
            ),
        },
      };
      await cells[scope][op]();
    };
    try {
      await run();
      return { allowed: true, detail: "succeeded" };
    } catch (e) {
      const err = e as { statusCode?: number; code?: string; message?: string };
      if (err.statusCode === 403 && err.code === "AuthorizationFailed")
        return { allowed: false, detail: "403 AuthorizationFailed" };
      // ARM hides a subscription from a caller without any role in it.
      if (err.statusCode === 404 && err.code === "SubscriptionNotFound")
        return { allowed: false, detail: "404 SubscriptionNotFound" };
      // Past the RBAC stage the provider may still refuse (a gallery or definition with nested resources).
      if (err.statusCode === 409 && err.code === "CannotDeleteResource")
        return { allowed: true, detail: "409 CannotDeleteResource" };
      return { allowed: true, detail: `unexpected ${err.statusCode} ${err.code}: ${err.message}` };
    }
  }

  it("derives the same expectations from the role definitions as the written table", () => {
    const mismatches: string[] = [];
    for (const p of PERSONAS)
      for (const scope of SCOPES)
        for (const op of OPERATIONS)
          if (expectedAllowed(p, op, scope) !== tableAllowed(p, op, scope)) mismatches.push(`${p.key} ${op} ${scope}`);
    expect(mismatches).toEqual([]);
  });

  it("has zero unauthorized successes and zero wrong denials", async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const p of PERSONAS) {
      for (const scope of SCOPES) {
        for (const op of OPERATIONS) {
          const expected = expectedAllowed(p, op, scope);
          const { allowed, detail } = await attempt(p, op, scope);
          cells++;
          if (allowed !== expected || detail.startsWith("unexpected")) {
            wrong.push(`${p.key} ${op} ${scope}: expected ${expected ? "allowed" : "denied"}, got ${detail}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(PERSONAS.length * SCOPES.length * OPERATIONS.length);
  }, 120_000);

  it("filters lists to what the caller may read: a definition-scope reader sees that definition only", async () => {
    const reader = PERSONAS.find((p) => p.key === "imagereader")!;
    const compute = em.compute(reader.upn, SUB);
    const names = async <T extends { name?: string }>(it: AsyncIterable<T>) => {
      const out: string[] = [];
      for await (const x of it) out.push(x.name!);
      return out.sort();
    };
    expect(await names(compute.galleryImages.listByGallery(RG, GALLERY))).toEqual([IMAGE]);
    expect(await names(compute.galleryImageVersions.listByGalleryImage(RG, GALLERY, IMAGE))).toContain("1.0.0");
    await expect(compute.galleryImages.get(RG, GALLERY, OTHER_IMAGE)).rejects.toMatchObject({ statusCode: 403 });
    await expect(names(compute.galleries.listByResourceGroup(RG))).rejects.toMatchObject({ statusCode: 403 });

    const galleryReader = PERSONAS.find((p) => p.key === "reader")!;
    const galleryCompute = em.compute(galleryReader.upn, SUB);
    expect(await names(galleryCompute.galleries.listByResourceGroup(RG))).toEqual([GALLERY]);
    expect(await names(galleryCompute.galleries.list())).toEqual([GALLERY]);
    expect(await names(galleryCompute.galleryImages.listByGallery(RG, GALLERY))).toEqual([IMAGE, OTHER_IMAGE]);
  });
});
