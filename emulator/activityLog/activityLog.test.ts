import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";
import { writeOperationOf } from "./operations.js";

const SUB = EMPTY_SEED.subscriptionId;
const ADMIN = EMPTY_SEED.admin.upn;
const USER = EMPTY_SEED.user.upn;
const RG = "rg-activity";
const GALLERY_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/activity_gallery`;
const EVENTS = `/subscriptions/${SUB}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01`;

interface Event {
  status: { value: string };
  subStatus: { value: string };
  operationName: { value: string; localizedValue: string };
  resourceType: { value: string };
  caller: string;
  resourceId: string;
  correlationId: string;
  authorization: { action: string; scope: string };
  category: { value: string };
  eventTimestamp: string;
  properties: Record<string, string>;
}

describe("Activity Log: every ARM write recorded, read through eventtypes/management/values", () => {
  let em: TestEmulator;
  const since = new Date(Date.now() - 60_000).toISOString();

  async function events(filter: string, as: string = ADMIN): Promise<Event[]> {
    const res = await em.fetch(`${EVENTS}&$filter=${encodeURIComponent(filter)}`, { as });
    expect(res.status).toBe(200);
    return (await res.json()).value;
  }

  beforeAll(async () => {
    em = await startTestEmulator();
    await em.fetch(`/subscriptions/${SUB}/resourceGroups/${RG}?api-version=2021-04-01`, {
      method: "PUT",
      as: ADMIN,
      body: JSON.stringify({ location: "westeurope" }),
    });
    await em.fetch(`${GALLERY_ID}?api-version=2025-03-03`, {
      method: "PUT",
      as: ADMIN,
      headers: { "x-ms-correlation-request-id": "11111111-2222-4333-8444-555555555555" },
      body: JSON.stringify({ location: "westeurope" }),
    });
    // Refused: the user holds no role.
    await em.fetch(`${GALLERY_ID}?api-version=2025-03-03`, { method: "DELETE", as: USER });
    await em.fetch(
      `${GALLERY_ID}/providers/Microsoft.Authorization/roleAssignments/6f0e2a2e-0000-4000-8000-000000000001?api-version=2022-04-01`,
      {
        method: "PUT",
        as: ADMIN,
        body: JSON.stringify({
          properties: {
            roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS.Reader}`,
            principalId: EMPTY_SEED.user.objectId,
            principalType: "User",
          },
        }),
      },
    );
    // A read leaves no event.
    await em.fetch(`${GALLERY_ID}?api-version=2025-03-03`, { as: ADMIN });
  });
  afterAll(() => em.close());

  it("records an accepted write as Started then its outcome, in Azure's event shape, newest first", async () => {
    const log = await events(`eventTimestamp ge '${since}' and resourceUri eq '${GALLERY_ID.toLowerCase()}'`);
    const writes = log.filter((e) => e.operationName.value === "Microsoft.Compute/galleries/write");
    expect(writes.map((e) => e.status.value)).toEqual(["Accepted", "Started"]);
    const [accepted] = writes;
    expect(accepted).toMatchObject({
      caller: ADMIN,
      category: { value: "Administrative" },
      correlationId: "11111111-2222-4333-8444-555555555555",
      authorization: { action: "Microsoft.Compute/galleries/write", scope: GALLERY_ID },
      operationName: { localizedValue: "Create or Update Gallery" },
      resourceId: GALLERY_ID,
      subStatus: { value: "Created" },
      properties: { statusCode: "Created" },
    });
    expect(Date.parse(accepted!.eventTimestamp)).toBeGreaterThan(Date.parse(since));
  });

  it("records a refused write as Failed with the error, and the admin sees it", async () => {
    const log = await events(`eventTimestamp ge '${since}' and resourceUri eq '${GALLERY_ID}'`);
    const refused = log.find((e) => e.operationName.value === "Microsoft.Compute/galleries/delete");
    expect(refused).toMatchObject({ caller: USER, status: { value: "Failed" }, subStatus: { value: "Forbidden" } });
    expect(JSON.parse(refused!.properties.statusMessage!).error.code).toBe("AuthorizationFailed");
    expect(log.some((e) => e.operationName.value.endsWith("/read"))).toBe(false);
  });

  it("records role assignment writes, found by resource provider and resource group", async () => {
    const byProvider = await events(`eventTimestamp ge '${since}' and resourceProvider eq 'Microsoft.Authorization'`);
    expect(byProvider.map((e) => e.operationName.value)).toEqual([
      "Microsoft.Authorization/roleAssignments/write",
      "Microsoft.Authorization/roleAssignments/write",
    ]);
    expect(byProvider[0]).toMatchObject({
      operationName: { localizedValue: "Create role assignment" },
      status: { value: "Succeeded" },
    });
    expect(byProvider[0]!.resourceId).toBe(
      `${GALLERY_ID}/providers/Microsoft.Authorization/roleAssignments/6f0e2a2e-0000-4000-8000-000000000001`,
    );
    const byGroup = await events(`eventTimestamp ge '${since}' and resourceGroupName eq '${RG.toUpperCase()}'`);
    expect(new Set(byGroup.map((e) => e.resourceType.value))).toEqual(
      new Set([
        "Microsoft.Resources/subscriptions/resourceGroups",
        "Microsoft.Compute/galleries",
        "Microsoft.Authorization/roleAssignments",
      ]),
    );
    const byCorrelation = await events(
      `eventTimestamp ge '${since}' and correlationId eq '11111111-2222-4333-8444-555555555555'`,
    );
    expect(byCorrelation).toHaveLength(2);
  });

  it("honours the time window and $select", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await events(`eventTimestamp ge '${future}'`)).toEqual([]);
    const res = await em.fetch(
      `${EVENTS}&$select=operationName,status&$filter=${encodeURIComponent(`eventTimestamp ge '${since}'`)}`,
      { as: ADMIN },
    );
    const [first] = (await res.json()).value;
    expect(Object.keys(first).sort()).toEqual(["operationName", "status"]);
  });

  it("refuses a filter without a start time, an unknown field, and a caller who may read nothing", async () => {
    const missing = await em.fetch(EVENTS, { as: ADMIN });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe("BadRequest");
    const unknown = await em.fetch(
      `${EVENTS}&$filter=${encodeURIComponent(`eventTimestamp ge '${since}' and level eq 'Error'`)}`,
      { as: ADMIN },
    );
    expect((await unknown.json()).error.message).toContain("'level' is not supported");
    const tooOld = await em.fetch(
      `${EVENTS}&$filter=${encodeURIComponent("eventTimestamp ge '2001-01-01T00:00:00Z'")}`,
      { as: ADMIN },
    );
    expect(tooOld.status).toBe(400);
  });

  it("shows a reader only the events about what it may read", async () => {
    // The user now reads the gallery (Reader there), so sees its events but not the resource group's.
    const log = await events(`eventTimestamp ge '${since}'`, USER);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.resourceId.toLowerCase().startsWith(GALLERY_ID.toLowerCase()))).toBe(true);
  });
});

describe("writeOperationOf", () => {
  it("names writes, deletes and actions as Azure's operations", () => {
    expect(writeOperationOf("PUT", `/subscriptions/s/resourceGroups/rg`)).toMatchObject({
      operationName: "Microsoft.Resources/subscriptions/resourceGroups/write",
      localizedOperationName: "Create or Update Resource Group",
      resourceGroupName: "rg",
    });
    expect(
      writeOperationOf(
        "DELETE",
        `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0`,
      ),
    ).toMatchObject({
      operationName: "Microsoft.Compute/galleries/images/versions/delete",
      localizedOperationName: "Delete Gallery Image Version",
    });
    expect(
      writeOperationOf("POST", `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/share`),
    ).toMatchObject({
      operationName: "Microsoft.Compute/galleries/share/action",
      resourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g",
      localizedOperationName: "Share Gallery",
    });
    expect(writeOperationOf("POST", "/providers/Microsoft.ResourceGraph/resources")).toBeUndefined();
  });
});
