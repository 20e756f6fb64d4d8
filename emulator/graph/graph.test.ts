import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

const T = EMPTY_SEED.tenantId;
const OTHER_TENANT = "f0000000-0000-4000-8000-00000000e002";
const ids = {
  wanda: "30000000-0000-4000-8000-000000000001",
  walter: "30000000-0000-4000-8000-000000000002",
  group: "30000000-0000-4000-8000-000000000003",
  nested: "30000000-0000-4000-8000-000000000004",
  guest: "30000000-0000-4000-8000-000000000005",
  stranger: "30000000-0000-4000-8000-000000000006",
};
const ADMIN = EMPTY_SEED.admin.upn;

describe("Microsoft Graph subset over raw HTTP", () => {
  let em: TestEmulator;
  const graph = async (path: string, init: RequestInit & { as?: string; eventual?: boolean } = {}) => {
    const { as = ADMIN, eventual, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set("Authorization", `Bearer ${await em.token(as, GRAPH_AUDIENCE)}`);
    if (eventual) headers.set("ConsistencyLevel", "eventual");
    if (rest.body !== undefined) headers.set("Content-Type", "application/json");
    const res = await fetch(`${em.url}${path}`, { ...rest, headers });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    em = await startTestEmulator();
    const { directory, roleAssignments } = em.emulator.ctx;
    directory.addTenant({ tenantId: OTHER_TENANT, displayName: "Fabrikam", defaultDomain: "fabrikam.onmicrosoft.com" });
    directory.addPrincipal({
      objectId: ids.wanda,
      tenantId: T,
      kind: "User",
      displayName: "Wanda Mitchell",
      upn: "wanda@emulator.onmicrosoft.com",
      mail: "wanda@emulator.onmicrosoft.com",
      extra: { jobTitle: "Image publisher" },
    });
    directory.addPrincipal({
      objectId: ids.walter,
      tenantId: T,
      kind: "User",
      displayName: "Walter Ng",
      upn: "walter@emulator.onmicrosoft.com",
    });
    directory.addPrincipal({
      objectId: ids.group,
      tenantId: T,
      kind: "Group",
      displayName: "Image Consumers",
      extra: { description: "Teams that deploy images" },
    });
    directory.addPrincipal({ objectId: ids.nested, tenantId: T, kind: "Group", displayName: "Web Team" });
    directory.addPrincipal({
      objectId: ids.guest,
      tenantId: OTHER_TENANT,
      kind: "User",
      displayName: "Lee Gu",
      upn: "lee@fabrikam.onmicrosoft.com",
    });
    directory.addPrincipal({
      objectId: ids.stranger,
      tenantId: OTHER_TENANT,
      kind: "User",
      displayName: "Wes Stranger",
      upn: "wes@fabrikam.onmicrosoft.com",
    });
    directory.addGroupMember(ids.group, ids.wanda);
    directory.addGroupMember(ids.group, ids.nested);
    // Lee becomes a guest of the emulator tenant by holding a role there.
    roleAssignments.create({
      scope: `/subscriptions/${EMPTY_SEED.subscriptionId}`,
      roleDefinitionGuid: BUILT_IN_ROLE_IDS.Reader,
      principalId: ids.guest,
      principalType: "User",
    });
  });
  afterAll(() => em.close());

  it("answers /me with the signed-in user in Graph's shape", async () => {
    const res = await graph("/v1.0/me", { as: "wanda@emulator.onmicrosoft.com" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      "@odata.context": `${em.url}/v1.0/$metadata#users/$entity`,
      id: ids.wanda,
      businessPhones: [],
      displayName: "Wanda Mitchell",
      givenName: "Wanda",
      surname: "Mitchell",
      jobTitle: "Image publisher",
      mail: "wanda@emulator.onmicrosoft.com",
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      userPrincipalName: "wanda@emulator.onmicrosoft.com",
    });
    expect(res.headers.get("request-id")).toBeTruthy();
  });

  it("reads users by id and by UPN, and answers unknown ones with Request_ResourceNotFound", async () => {
    expect((await graph(`/v1.0/users/${ids.walter}`)).body.displayName).toBe("Walter Ng");
    expect((await graph(`/v1.0/users/WALTER@emulator.onmicrosoft.com?$select=id`)).body).toEqual({
      "@odata.context": `${em.url}/v1.0/$metadata#users(id)/$entity`,
      id: ids.walter,
    });
    const missing = await graph("/v1.0/users/00000000-0000-4000-8000-00000000dead");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: "Request_ResourceNotFound",
      innerError: { "request-id": expect.any(String), date: expect.any(String) },
    });
    // A user of another tenant who is no guest here is not in this directory.
    expect((await graph(`/v1.0/users/${ids.stranger}`)).status).toBe(404);
  });

  it("requires ConsistencyLevel: eventual for $search, and then searches words of displayName", async () => {
    const refused = await graph(`/v1.0/users?$search="displayName:wa"`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("Request_UnsupportedQuery");
    expect(refused.body.error.message).toContain("ConsistencyLevel: eventual");

    const found = await graph(`/v1.0/users?$search=${encodeURIComponent('"displayName:wa"')}&$count=true`, {
      eventual: true,
    });
    expect(found.status).toBe(200);
    expect(found.body.value.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
      "Walter Ng",
      "Wanda Mitchell",
    ]);
    expect(found.body["@odata.count"]).toBe(2);
    const byWord = await graph(`/v1.0/users?$search=${encodeURIComponent('"displayName:gu"')}`, { eventual: true });
    expect(byWord.body.value.map((u: { id: string }) => u.id)).toEqual([ids.guest]);
    const groups = await graph(
      `/v1.0/groups?$search=${encodeURIComponent('"displayName:consumers" OR "displayName:web"')}`,
      { eventual: true },
    );
    expect(groups.body.value.map((g: { id: string }) => g.id).sort()).toEqual([ids.group, ids.nested].sort());
  });

  it("filters with startswith on displayName, userPrincipalName and mail, and refuses unknown properties", async () => {
    const byName = await graph(`/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'wan')")}`);
    expect(byName.body.value.map((u: { id: string }) => u.id)).toEqual([ids.wanda]);
    const byUpn = await graph(`/v1.0/users?$filter=${encodeURIComponent("startswith(userPrincipalName,'walter@')")}`);
    expect(byUpn.body.value.map((u: { id: string }) => u.id)).toEqual([ids.walter]);
    const byMail = await graph(
      `/v1.0/users?$filter=${encodeURIComponent("startswith(mail,'lee@') or startswith(mail,'wanda@')")}`,
    );
    expect(byMail.body.value.map((u: { id: string }) => u.id).sort()).toEqual([ids.guest, ids.wanda].sort());
    const bad = await graph(`/v1.0/users?$filter=${encodeURIComponent("startswith(shoeSize,'4')")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("Request_UnsupportedQuery");
    const sp = await graph(
      `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${EMPTY_SEED.servicePrincipal.appId}'`)}`,
    );
    expect(sp.body.value).toEqual([
      expect.objectContaining({
        id: EMPTY_SEED.servicePrincipal.objectId,
        appId: EMPTY_SEED.servicePrincipal.appId,
        servicePrincipalType: "Application",
      }),
    ]);
  });

  it("shows guests of the tenant with their #EXT# name and hides other tenants' users", async () => {
    const users = (await graph("/v1.0/users?$select=id,userPrincipalName,userType")).body.value as {
      id: string;
      userPrincipalName: string;
      userType: string;
    }[];
    expect(users.find((u) => u.id === ids.guest)).toEqual({
      id: ids.guest,
      userPrincipalName: "lee_fabrikam.onmicrosoft.com#EXT#@emulator.onmicrosoft.com",
      userType: "Guest",
    });
    expect(users.some((u) => u.id === ids.stranger)).toBe(false);
    // In the guest's home tenant the same object is a member with its own UPN.
    const home = await graph(`/v1.0/users/${ids.guest}?$select=userPrincipalName`, {
      as: "lee@fabrikam.onmicrosoft.com",
    });
    expect(home.body.userPrincipalName).toBe("lee@fabrikam.onmicrosoft.com");
  });

  it("selects properties and pages with $top and @odata.nextLink", async () => {
    const first = await graph("/v1.0/users?$select=displayName&$top=2");
    expect(first.body["@odata.context"]).toBe(`${em.url}/v1.0/$metadata#users(displayName)`);
    expect(first.body.value).toHaveLength(2);
    expect(Object.keys(first.body.value[0])).toEqual(["displayName"]);
    const names: string[] = first.body.value.map((u: { displayName: string }) => u.displayName);
    let next: string | undefined = first.body["@odata.nextLink"];
    while (next) {
      const page = await graph(next.slice(em.url.length));
      names.push(...page.body.value.map((u: { displayName: string }) => u.displayName));
      next = page.body["@odata.nextLink"];
    }
    const all = (await graph("/v1.0/users?$select=displayName")).body.value.map(
      (u: { displayName: string }) => u.displayName,
    );
    expect(names).toEqual(all);
    expect(new Set(names).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(2);
    expect((await graph("/v1.0/users?$top=1000")).body.error.code).toBe("Request_BadRequest");
    expect((await graph("/v1.0/users?$select=shoeSize")).status).toBe(400);
  });

  it("lists a group's members with their @odata.type", async () => {
    const group = await graph(`/v1.0/groups/${ids.group}`);
    expect(group.body).toMatchObject({
      id: ids.group,
      displayName: "Image Consumers",
      securityEnabled: true,
      mailEnabled: false,
      description: "Teams that deploy images",
    });
    const members = await graph(`/v1.0/groups/${ids.group}/members?$select=id,displayName`);
    expect(members.body.value).toEqual([
      { "@odata.type": "#microsoft.graph.user", id: ids.wanda, displayName: "Wanda Mitchell" },
      { "@odata.type": "#microsoft.graph.group", id: ids.nested, displayName: "Web Team" },
    ]);
  });

  it("resolves ids with directoryObjects/getByIds, honouring types and skipping unknown or foreign ids", async () => {
    const res = await graph("/v1.0/directoryObjects/getByIds", {
      method: "POST",
      body: JSON.stringify({
        ids: [
          ids.wanda,
          ids.group,
          EMPTY_SEED.servicePrincipal.objectId,
          ids.stranger,
          "00000000-0000-4000-8000-00000000dead",
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body.value.map((o: { "@odata.type": string; id: string }) => [o["@odata.type"], o.id])).toEqual([
      ["#microsoft.graph.user", ids.wanda],
      ["#microsoft.graph.group", ids.group],
      ["#microsoft.graph.servicePrincipal", EMPTY_SEED.servicePrincipal.objectId],
    ]);
    const onlyGroups = await graph("/v1.0/directoryObjects/getByIds", {
      method: "POST",
      body: JSON.stringify({ ids: [ids.wanda, ids.group], types: ["group"] }),
    });
    expect(onlyGroups.body.value.map((o: { id: string }) => o.id)).toEqual([ids.group]);
    const bad = await graph("/v1.0/directoryObjects/getByIds", {
      method: "POST",
      body: JSON.stringify({ types: ["user"] }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("Request_BadRequest");
  });

  it("answers Graph's 401 for missing or ARM-audience tokens, and /me for an app token with 400", async () => {
    const none = await fetch(`${em.url}/v1.0/me`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
    const armToken = await em.token(ADMIN);
    const wrong = await fetch(`${em.url}/v1.0/users`, { headers: { Authorization: `Bearer ${armToken}` } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("Invalid audience");
    const app = await graph("/v1.0/me", { as: EMPTY_SEED.servicePrincipal.appId });
    expect(app.status).toBe(400);
    const unknown = await graph("/v1.0/applications");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Resource not found for the segment 'applications'.");
  });

  it("allows the ConsistencyLevel header in CORS preflights", async () => {
    const res = await fetch(`${em.url}/v1.0/users`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization,consistencylevel",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toContain("consistencylevel");
  });
});
