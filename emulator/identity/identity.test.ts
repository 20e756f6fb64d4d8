import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARM_AUDIENCE,
  AZURE_CLI_CLIENT_ID,
  EMULATOR_DASHBOARD_CLIENT_ID,
  GRAPH_AUDIENCE,
} from "../../lib/azure/wellKnown.js";
import { BUILT_IN_ROLE_IDS } from "../authorization/builtInRoles.js";
import { EMPTY_SEED as S } from "../seed/wellKnown.js";
import { startTestEmulator, type TestEmulator } from "../testing/harness.js";

const REDIRECT = "http://localhost:3000/redirect";
const ARM_SCOPES = "https://management.azure.com/user_impersonation openid profile offline_access";
const GRAPH_SCOPES = "https://graph.microsoft.com/User.ReadBasic.All openid profile offline_access";

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeParams(overrides: Record<string, string> = {}) {
  const { verifier, challenge } = pkcePair();
  const params: Record<string, string> = {
    client_id: EMULATOR_DASHBOARD_CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: "code",
    response_mode: "fragment",
    scope: ARM_SCOPES,
    state: randomBytes(8).toString("hex"),
    nonce: randomBytes(8).toString("hex"),
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...overrides,
  };
  return { params, verifier };
}

/** The parameters the identity provider sent back to the app in the redirect's fragment (or query). */
function replyOf(res: Response): URLSearchParams {
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location")!);
  return new URLSearchParams(location.hash ? location.hash.slice(1) : location.search);
}

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

function jsonOf<T = Record<string, unknown>>(res: Response): Promise<T> {
  return res.json() as Promise<T>;
}

describe("the Entra ID identity provider", () => {
  let em: TestEmulator;
  const authorize = (tenant: string, params: Record<string, string>, cookie?: string) =>
    fetch(`${em.url}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(params)}`, {
      redirect: "manual",
      headers: cookie ? { Cookie: cookie } : {},
    });
  const choose = (tenant: string, fields: Record<string, string>) =>
    fetch(`${em.url}/${tenant}/oauth2/v2.0/authorize`, {
      method: "POST",
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
  const token = (tenant: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${em.url}/${tenant}/oauth2/v2.0/token`, { method: "POST", body: new URLSearchParams(form), headers });
  const armSubscriptions = (accessToken: string) =>
    fetch(`${em.url}/subscriptions?api-version=2022-12-01`, { headers: { Authorization: `Bearer ${accessToken}` } });

  /** Signs in on the page with one click, as a browser would, and returns the code and what redeems it. */
  async function signIn(upn: string, opts: { tenant?: string; overrides?: Record<string, string> } = {}) {
    const tenant = opts.tenant ?? "organizations";
    const { params, verifier } = authorizeParams(opts.overrides);
    const page = await authorize(tenant, params);
    expect(page.status).toBe(200);
    const res = await choose(tenant, { ...params, login_upn: upn });
    const reply = replyOf(res);
    expect(reply.get("state")).toBe(params.state);
    return { code: reply.get("code")!, reply, verifier, params, cookie: cookieOf(res), tenant };
  }

  async function redeem(s: Awaited<ReturnType<typeof signIn>>, overrides: Record<string, string> = {}) {
    return token(s.tenant, {
      grant_type: "authorization_code",
      client_id: EMULATOR_DASHBOARD_CLIENT_ID,
      code: s.code,
      redirect_uri: REDIRECT,
      code_verifier: s.verifier,
      scope: s.params.scope!,
      ...overrides,
    });
  }

  beforeAll(async () => {
    em = await startTestEmulator();
  });
  afterAll(() => em.close());

  describe("authorization code with PKCE", () => {
    it("shows a sign-in page naming each user by display name, UPN and persona, with a labelled password form", async () => {
      const res = await authorize("organizations", authorizeParams().params);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      const admin =
        /<button[^>]*value="admin@emulator\.onmicrosoft\.com"[^>]*>([\s\S]*?)<\/button>/.exec(html)?.[1] ?? "";
      expect(admin).toContain("Admin");
      expect(admin).toContain("admin@emulator.onmicrosoft.com");
      expect(admin).toContain("Persona: admin");
      expect(html).toContain("user@emulator.onmicrosoft.com");
      expect(html).toMatch(/<label for="username">Username<\/label>\s*<input id="username"/);
      expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password"[^>]*type="password"/);
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    });

    it("redirects with code, state and client_info, and redeems the code for tokens ARM accepts", async () => {
      const s = await signIn(S.admin.upn);
      expect(JSON.parse(Buffer.from(s.reply.get("client_info")!, "base64url").toString())).toEqual({
        uid: S.admin.objectId,
        utid: S.tenantId,
      });
      expect(s.cookie).toMatch(/^ESTSAUTH_organizations=/);

      const res = await redeem(s);
      expect(res.status).toBe(200);
      const body = await jsonOf<Record<string, string | number>>(res);
      expect(body).toMatchObject({ token_type: "Bearer", scope: ARM_SCOPES, expires_in: 3599, ext_expires_in: 3599 });
      expect(body.refresh_token).toEqual(expect.any(String));
      expect(body.client_info).toBe(s.reply.get("client_info"));

      const access = decodeJwt(String(body.access_token));
      expect(access).toMatchObject({
        aud: ARM_AUDIENCE,
        tid: S.tenantId,
        oid: S.admin.objectId,
        scp: "user_impersonation",
        appid: EMULATOR_DASHBOARD_CLIENT_ID,
        upn: S.admin.upn,
      });
      const id = decodeJwt(String(body.id_token));
      expect(id).toMatchObject({
        aud: EMULATOR_DASHBOARD_CLIENT_ID,
        iss: `${em.url}/${S.tenantId}/v2.0`,
        sub: S.admin.objectId,
        oid: S.admin.objectId,
        tid: S.tenantId,
        name: "Admin",
        preferred_username: S.admin.upn,
        nonce: s.params.nonce,
        ver: "2.0",
      });
      expect(id.exp! - id.iat!).toBeGreaterThan(0);
      expect(id.nbf).toBeLessThanOrEqual(id.iat!);

      const subs = await armSubscriptions(String(body.access_token));
      expect(subs.status).toBe(200);
      expect((await jsonOf<{ value: { subscriptionId: string }[] }>(subs)).value.map((v) => v.subscriptionId)).toEqual([
        S.subscriptionId,
      ]);
      // The id_token is for the app, not for ARM.
      const withIdToken = await armSubscriptions(String(body.id_token));
      expect(withIdToken.status).toBe(401);
    });

    it("answers cross-origin form posts without a preflight, for the caller's localhost origin", async () => {
      const s = await signIn(S.admin.upn);
      const ok = await fetch(`${em.url}/organizations/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=utf-8", Origin: "http://127.0.0.1:5173" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          client_id: EMULATOR_DASHBOARD_CLIENT_ID,
          code: s.code,
          redirect_uri: REDIRECT,
          code_verifier: s.verifier,
          scope: ARM_SCOPES,
        }),
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
      const failed = await token(
        "organizations",
        { grant_type: "refresh_token", client_id: EMULATOR_DASHBOARD_CLIENT_ID, refresh_token: "x", scope: ARM_SCOPES },
        { Origin: "http://localhost:3000" },
      );
      expect(failed.status).toBe(400);
      expect(failed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    });

    it("refuses a wrong code_verifier, a reused code, a different redirect_uri and another client, as Entra does", async () => {
      const wrongVerifier = await redeem(await signIn(S.admin.upn), { code_verifier: pkcePair().verifier });
      expect(wrongVerifier.status).toBe(400);
      const body = await jsonOf<Record<string, unknown>>(wrongVerifier);
      expect(body).toMatchObject({ error: "invalid_grant", error_codes: [501481] });
      expect(String(body.error_description)).toMatch(/^AADSTS501481: The Code_Verifier does not match/);
      expect(body).toHaveProperty("timestamp");
      expect(body).toHaveProperty("trace_id");
      expect(body).toHaveProperty("correlation_id");

      const s = await signIn(S.admin.upn);
      expect((await redeem(s)).status).toBe(200);
      const reused = await redeem(s);
      expect(reused.status).toBe(400);
      expect(await jsonOf(reused)).toMatchObject({ error: "invalid_grant", error_codes: [54005] });

      const otherRedirect = await redeem(await signIn(S.admin.upn), { redirect_uri: "http://localhost:3000/other" });
      expect(otherRedirect.status).toBe(400);
      expect(await jsonOf(otherRedirect)).toMatchObject({ error: "invalid_grant", error_codes: [500112] });

      const otherClient = await redeem(await signIn(S.admin.upn), { client_id: AZURE_CLI_CLIENT_ID });
      expect(await jsonOf(otherClient)).toMatchObject({ error: "invalid_grant", error_codes: [70000] });

      const unknownClient = await redeem(await signIn(S.admin.upn), {
        client_id: "11111111-2222-3333-4444-555555555555",
      });
      expect(unknownClient.status).toBe(400);
      expect(await jsonOf(unknownClient)).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });

      const unknownCode = await redeem({ ...(await signIn(S.admin.upn)), code: "not-a-code" });
      expect(await jsonOf(unknownCode)).toMatchObject({ error: "invalid_grant", error_codes: [70000] });
    });

    it("signs in with username and password on the page, and shows Entra's error for a wrong one", async () => {
      const { params } = authorizeParams();
      const wrong = await choose("organizations", { ...params, username: S.user.upn, password: "nope" });
      expect(wrong.status).toBe(200);
      expect(await wrong.text()).toMatch(/role="alert"[\s\S]*AADSTS50126: Error validating credentials/);
      const unknown = await choose("organizations", {
        ...params,
        username: "nobody@emulator.onmicrosoft.com",
        password: "x",
      });
      expect(await unknown.text()).toContain("AADSTS50034");
      const ok = await choose("organizations", { ...params, username: S.user.upn, password: S.user.password });
      expect(replyOf(ok).get("code")).toBeTruthy();
    });

    it("sends response_mode=query and form_post answers where the app asked", async () => {
      const q = await signIn(S.admin.upn, { overrides: { response_mode: "query" } });
      expect(q.code).toBeTruthy();
      const { params } = authorizeParams({ response_mode: "form_post" });
      const res = await choose("organizations", { ...params, login_upn: S.admin.upn });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<form method="post" action="${REDIRECT}">`);
      expect(html).toMatch(/name="code" value="[^"]+"/);
      expect(html).toContain(`name="state" value="${params.state}"`);
    });
  });

  describe("authorize errors", () => {
    it("shows an error page for an unknown client, a foreign redirect URI or an unknown tenant", async () => {
      const unknownClient = await authorize(
        "organizations",
        authorizeParams({ client_id: "11111111-2222-3333-4444-555555555555" }).params,
      );
      expect(unknownClient.status).toBe(400);
      expect(await unknownClient.text()).toContain(
        "AADSTS700016: Application with identifier &#39;11111111-2222-3333-4444-555555555555&#39; was not found",
      );

      const foreign = await authorize(
        "organizations",
        authorizeParams({ redirect_uri: "https://evil.example/cb" }).params,
      );
      expect(foreign.status).toBe(400);
      expect(await foreign.text()).toContain("AADSTS50011");

      const tenant = await authorize("00000000-dead-beef-0000-000000000000", authorizeParams().params);
      expect(tenant.status).toBe(400);
      expect(await tenant.text()).toContain("AADSTS90002");
    });

    it("sends other errors back to the app: PKCE is required of public clients", async () => {
      const { params } = authorizeParams();
      delete params.code_challenge;
      const reply = replyOf(await authorize("organizations", params));
      expect(reply.get("error")).toBe("invalid_request");
      expect(reply.get("error_description")).toMatch(/^AADSTS9002325:/);
      expect(reply.get("state")).toBe(params.state);

      const plain = replyOf(
        await authorize("organizations", authorizeParams({ code_challenge_method: "plain" }).params),
      );
      expect(plain.get("error")).toBe("invalid_request");

      const twoResources = await authorize(
        "organizations",
        authorizeParams({ scope: `${ARM_SCOPES} https://graph.microsoft.com/User.Read` }).params,
      );
      expect(replyOf(twoResources).get("error")).toBe("invalid_scope");
    });
  });

  describe("sessions", () => {
    it("answers prompt=none with login_required when no one is signed in, and with a code when someone is", async () => {
      const { params } = authorizeParams({ prompt: "none" });
      const reply = replyOf(await authorize("organizations", params));
      expect(reply.get("error")).toBe("login_required");
      expect(reply.get("error_description")).toMatch(/^AADSTS50058:/);
      expect(reply.get("state")).toBe(params.state);
      expect(reply.get("code")).toBeNull();

      const s = await signIn(S.user.upn);
      const silent = authorizeParams({ prompt: "none" });
      const code = replyOf(await authorize("organizations", silent.params, s.cookie)).get("code")!;
      const res = await token("organizations", {
        grant_type: "authorization_code",
        client_id: EMULATOR_DASHBOARD_CLIENT_ID,
        code,
        redirect_uri: REDIRECT,
        code_verifier: silent.verifier,
        scope: ARM_SCOPES,
      });
      expect(decodeJwt(String((await jsonOf(res)).access_token)).oid).toBe(S.user.objectId);

      // The session is per tenant of sign-in: it does not sign the user into another tenant endpoint.
      const elsewhere = replyOf(await authorize(S.tenantId, authorizeParams({ prompt: "none" }).params, s.cookie));
      expect(elsewhere.get("error")).toBe("login_required");
      // prompt=login shows the page even with a session.
      expect((await authorize("organizations", authorizeParams({ prompt: "login" }).params, s.cookie)).status).toBe(
        200,
      );
    });

    it("signs in the user a login_hint names without showing the page", async () => {
      const reply = replyOf(await authorize("organizations", authorizeParams({ login_hint: S.admin.upn }).params));
      expect(reply.get("code")).toBeTruthy();
      expect(JSON.parse(Buffer.from(reply.get("client_info")!, "base64url").toString()).uid).toBe(S.admin.objectId);
    });

    it("logs out: clears the session cookie and returns to the app", async () => {
      const s = await signIn(S.admin.upn);
      const res = await fetch(
        `${em.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("http://localhost:3000/")}`,
        { redirect: "manual", headers: { Cookie: s.cookie } },
      );
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("http://localhost:3000/");
      expect(res.headers.getSetCookie().join("\n")).toMatch(/ESTSAUTH_organizations=;.*Max-Age=0/);
      const elsewhere = await fetch(
        `${em.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=https://evil.example/`,
        { redirect: "manual" },
      );
      expect(elsewhere.status).toBe(200);
      expect(await elsewhere.text()).toContain("You signed out of your account");
    });
  });

  describe("refresh tokens", () => {
    it("rotates the refresh token and issues a token for the resource the new scope names", async () => {
      const first = await jsonOf<Record<string, string>>(await redeem(await signIn(S.admin.upn)));
      const res = await token("organizations", {
        grant_type: "refresh_token",
        client_id: EMULATOR_DASHBOARD_CLIENT_ID,
        refresh_token: first.refresh_token!,
        scope: GRAPH_SCOPES,
      });
      expect(res.status).toBe(200);
      const graph = await jsonOf<Record<string, string>>(res);
      expect(graph.refresh_token).not.toBe(first.refresh_token);
      expect(decodeJwt(graph.access_token!)).toMatchObject({
        aud: GRAPH_AUDIENCE,
        scp: "User.ReadBasic.All",
        tid: S.tenantId,
      });
      expect(decodeJwt(graph.id_token!).aud).toBe(EMULATOR_DASHBOARD_CLIENT_ID);
      // A Graph token is for Graph only.
      const wrongAudience = await armSubscriptions(graph.access_token!);
      expect(wrongAudience.status).toBe(401);
      expect((await jsonOf<{ error: { code: string } }>(wrongAudience)).error.code).toBe(
        "InvalidAuthenticationTokenAudience",
      );

      const next = await token("organizations", {
        grant_type: "refresh_token",
        client_id: EMULATOR_DASHBOARD_CLIENT_ID,
        refresh_token: graph.refresh_token!,
        scope: ARM_SCOPES,
      });
      expect((await armSubscriptions(String((await jsonOf(next)).access_token))).status).toBe(200);

      // The replaced refresh token is not revoked by its use: it works until its lifetime ends, as with Entra.
      const again = await token("organizations", {
        grant_type: "refresh_token",
        client_id: EMULATOR_DASHBOARD_CLIENT_ID,
        refresh_token: first.refresh_token!,
        scope: ARM_SCOPES,
      });
      expect(again.status).toBe(200);
    });

    it("refuses an unknown refresh token and one issued to another client", async () => {
      const bad = await token("organizations", {
        grant_type: "refresh_token",
        client_id: EMULATOR_DASHBOARD_CLIENT_ID,
        refresh_token: "nope",
        scope: ARM_SCOPES,
      });
      expect(bad.status).toBe(400);
      expect(await jsonOf(bad)).toMatchObject({ error: "invalid_grant" });
      const first = await jsonOf<Record<string, string>>(await redeem(await signIn(S.admin.upn)));
      const other = await token("organizations", {
        grant_type: "refresh_token",
        client_id: AZURE_CLI_CLIENT_ID,
        refresh_token: first.refresh_token!,
        scope: ARM_SCOPES,
      });
      expect(await jsonOf(other)).toMatchObject({ error: "invalid_grant" });
    });
  });

  describe("client credentials", () => {
    const sp = S.servicePrincipal;

    it("issues an app-only ARM token for a service principal and its secret, without a refresh token", async () => {
      const res = await token(S.tenantId, {
        grant_type: "client_credentials",
        client_id: sp.appId,
        client_secret: sp.secret,
        scope: `${ARM_AUDIENCE}/.default`,
      });
      expect(res.status).toBe(200);
      const body = await jsonOf<Record<string, unknown>>(res);
      expect(body).not.toHaveProperty("refresh_token");
      expect(decodeJwt(String(body.access_token))).toMatchObject({
        aud: ARM_AUDIENCE,
        oid: sp.objectId,
        appid: sp.appId,
        idtyp: "app",
        tid: S.tenantId,
      });
      expect((await armSubscriptions(String(body.access_token))).status).toBe(200);

      const basic = await token(
        S.tenantId,
        { grant_type: "client_credentials", scope: `${ARM_AUDIENCE}/.default` },
        {
          Authorization: `Basic ${Buffer.from(`${sp.appId}:${sp.secret}`).toString("base64")}`,
        },
      );
      expect(basic.status).toBe(200);
    });

    it("refuses a wrong secret, an unknown app and a scope without /.default", async () => {
      const wrong = await token(S.tenantId, {
        grant_type: "client_credentials",
        client_id: sp.appId,
        client_secret: "wrong",
        scope: `${ARM_AUDIENCE}/.default`,
      });
      expect(wrong.status).toBe(401);
      expect(await jsonOf(wrong)).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
      const unknown = await token(S.tenantId, {
        grant_type: "client_credentials",
        client_id: "11111111-2222-3333-4444-555555555555",
        client_secret: "x",
        scope: `${ARM_AUDIENCE}/.default`,
      });
      expect(unknown.status).toBe(400);
      expect(await jsonOf(unknown)).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
      const scope = await token(S.tenantId, {
        grant_type: "client_credentials",
        client_id: sp.appId,
        client_secret: sp.secret,
        scope: `${ARM_AUDIENCE}/user_impersonation`,
      });
      expect(await jsonOf(scope)).toMatchObject({ error: "invalid_scope", error_codes: [1002012] });
    });
  });

  describe("resource owner password credentials", () => {
    it("issues tokens for a seeded user and its password; the classic management resource keeps its audience", async () => {
      const res = await token("organizations", {
        grant_type: "password",
        client_id: AZURE_CLI_CLIENT_ID,
        username: S.admin.upn,
        password: S.admin.password,
        scope: "https://management.core.windows.net//.default offline_access openid profile",
      });
      expect(res.status).toBe(200);
      const body = await jsonOf<Record<string, string>>(res);
      expect(decodeJwt(body.access_token!)).toMatchObject({
        aud: "https://management.core.windows.net/",
        scp: "user_impersonation",
        appid: AZURE_CLI_CLIENT_ID,
      });
      expect(body).not.toHaveProperty("refresh_token_expires_in");
      expect((await armSubscriptions(body.access_token!)).status).toBe(200);
    });

    it("refuses an unknown user, a wrong password and an unsupported grant", async () => {
      const base = { grant_type: "password", client_id: AZURE_CLI_CLIENT_ID, scope: `${ARM_AUDIENCE}/.default` };
      const unknown = await token("organizations", {
        ...base,
        username: "ghost@emulator.onmicrosoft.com",
        password: "x",
      });
      expect(unknown.status).toBe(400);
      expect(await jsonOf(unknown)).toMatchObject({ error: "invalid_grant", error_codes: [50034] });
      const wrong = await token("organizations", { ...base, username: S.admin.upn, password: "wrong" });
      expect(await jsonOf(wrong)).toMatchObject({ error: "invalid_grant", error_codes: [50126] });
      const grant = await token("organizations", {
        ...base,
        grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      });
      expect(await jsonOf(grant)).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
      const noClient = await token("organizations", {
        ...base,
        client_id: "11111111-2222-3333-4444-555555555555",
        username: S.admin.upn,
        password: S.admin.password,
      });
      expect(await jsonOf(noClient)).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
    });
  });

  describe("guests in another tenant", () => {
    const OTHER_TENANT = "5d7e2a10-0000-4000-8000-00000000e002";
    const OTHER_SUB = "00000000-0000-4000-8000-00000000b002";

    beforeAll(() => {
      const { directory, roleAssignments } = em.emulator.ctx;
      directory.addTenant({ tenantId: OTHER_TENANT, displayName: "Partner", defaultDomain: "partner.onmicrosoft.com" });
      directory.addSubscription({
        subscriptionId: OTHER_SUB,
        tenantId: OTHER_TENANT,
        displayName: "Partner subscription",
        state: "Enabled",
      });
      roleAssignments.create({
        scope: `/subscriptions/${OTHER_SUB}`,
        roleDefinitionGuid: BUILT_IN_ROLE_IDS.Reader,
        principalId: S.user.objectId,
        principalType: "User",
      });
    });

    it("lets a user with a role in the tenant sign in there as a guest, with that tenant's tokens", async () => {
      const page = await authorize(OTHER_TENANT, authorizeParams().params);
      const html = await page.text();
      expect(html).toMatch(/value="user@emulator\.onmicrosoft\.com"[\s\S]*?Guest/);
      expect(html).not.toContain('value="admin@emulator.onmicrosoft.com"');

      const s = await signIn(S.user.upn, { tenant: OTHER_TENANT });
      expect(JSON.parse(Buffer.from(s.reply.get("client_info")!, "base64url").toString()).utid).toBe(S.tenantId);
      const body = await jsonOf<Record<string, string>>(await redeem(s));
      expect(decodeJwt(body.access_token!)).toMatchObject({
        tid: OTHER_TENANT,
        iss: `${em.url}/${OTHER_TENANT}/v2.0`,
        oid: S.user.objectId,
      });
      expect(decodeJwt(body.id_token!).tid).toBe(OTHER_TENANT);
      const subs = await jsonOf<{ value: { subscriptionId: string }[] }>(await armSubscriptions(body.access_token!));
      expect(subs.value.map((v) => v.subscriptionId)).toEqual([OTHER_SUB]);

      // The domain name works as the tenant too.
      const byDomain = await token("partner.onmicrosoft.com", {
        grant_type: "password",
        client_id: AZURE_CLI_CLIENT_ID,
        username: S.user.upn,
        password: S.user.password,
        scope: `${ARM_AUDIENCE}/.default`,
      });
      expect(decodeJwt(String((await jsonOf(byDomain)).access_token)).tid).toBe(OTHER_TENANT);
    });

    it("refuses a user who is neither member nor guest of the tenant with AADSTS50020", async () => {
      const { params } = authorizeParams();
      const res = await choose(OTHER_TENANT, { ...params, login_upn: S.admin.upn });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(
        /role="alert"[\s\S]*AADSTS50020: User account &#39;admin@emulator\.onmicrosoft\.com&#39;/,
      );
      const ropc = await token(OTHER_TENANT, {
        grant_type: "password",
        client_id: AZURE_CLI_CLIENT_ID,
        username: S.admin.upn,
        password: S.admin.password,
        scope: `${ARM_AUDIENCE}/.default`,
      });
      expect(await jsonOf(ropc)).toMatchObject({ error: "invalid_grant", error_codes: [50020] });
    });
  });

  describe("discovery", () => {
    it("names an issuer that matches the tokens' iss, and a {tenantid} template for organizations", async () => {
      const doc = await jsonOf<Record<string, string>>(
        await fetch(`${em.url}/${S.tenantId}/v2.0/.well-known/openid-configuration`),
      );
      const body = await jsonOf<Record<string, string>>(
        await token(S.tenantId, {
          grant_type: "password",
          client_id: AZURE_CLI_CLIENT_ID,
          username: S.admin.upn,
          password: S.admin.password,
          scope: "openid https://management.azure.com/.default",
        }),
      );
      expect(decodeJwt(body.id_token!).iss).toBe(doc.issuer);
      expect(doc.token_endpoint).toBe(`${em.url}/${S.tenantId}/oauth2/v2.0/token`);
      const orgs = await jsonOf<Record<string, string>>(
        await fetch(`${em.url}/organizations/v2.0/.well-known/openid-configuration`),
      );
      expect(orgs.issuer).toBe(`${em.url}/{tenantid}/v2.0`);
      const keys = await jsonOf<{ keys: { kid: string }[] }>(await fetch(doc.jwks_uri!));
      expect(keys.keys.map((k) => k.kid)).toContain(
        JSON.parse(Buffer.from(body.id_token!.split(".")[0]!, "base64url").toString()).kid,
      );
    });

    it("answers instance discovery with the emulator's own host", async () => {
      const endpoint = `${em.url}/organizations/oauth2/v2.0/authorize`;
      const res = await jsonOf<{ tenant_discovery_endpoint: string; metadata: { aliases: string[] }[] }>(
        await fetch(
          `${em.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(endpoint)}`,
        ),
      );
      expect(res.tenant_discovery_endpoint).toBe(`${em.url}/organizations/v2.0/.well-known/openid-configuration`);
      expect(res.metadata[0]!.aliases).toEqual([new URL(em.url).host]);
    });
  });
});
