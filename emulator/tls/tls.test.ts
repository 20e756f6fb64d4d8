import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect as tlsConnect } from "node:tls";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { type TestEmulator, startTestEmulator } from "../testing/harness.js";
import { INSTANCE_DISCOVERY_HOST } from "./connectProxy.js";

const run = promisify(execFile);
const CLIENT = fileURLToPath(new URL("./testing/defaultPipelineClient.mjs", import.meta.url));

let emulator: TestEmulator;
let tlsUrl: string;
let ca: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ tls: true, tlsPort: 0 });
  tlsUrl = emulator.emulator.tls!.url;
  ca = readFileSync(emulator.emulator.tls!.caCertPath, "utf8");
});
afterAll(() => emulator?.close());

/** GET over HTTPS trusting only the emulator's CA (the test process itself was started without it). */
function httpsGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpsRequest(url, { ca, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** Opens a CONNECT tunnel through the emulator's http port, as `HTTPS_PROXY` makes Python's requests do. */
function connectThroughProxy(
  authority: string,
): Promise<{ status: number; socket: import("node:net").Socket; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(emulator.url, { method: "CONNECT", path: authority });
    req.on("connect", (res, socket, head) => {
      let body = head.toString();
      if (res.statusCode !== 200) {
        socket.on("data", (chunk) => (body += chunk));
        socket.on("end", () => resolve({ status: res.statusCode ?? 0, socket, body }));
        return;
      }
      resolve({ status: 200, socket, body });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the emulator over TLS", () => {
  it("serves the same app and state on its http and https ports", async () => {
    await emulator.fetch(`/subscriptions/${EMPTY_SEED.subscriptionId}/resourcegroups/rg-both?api-version=2021-04-01`, {
      method: "PUT",
      body: JSON.stringify({ location: "westeurope" }),
      as: EMPTY_SEED.admin.upn,
    });
    const token = await emulator.token(EMPTY_SEED.admin.upn);
    const res = await httpsGet(
      `${tlsUrl}/subscriptions/${EMPTY_SEED.subscriptionId}/resourcegroups/rg-both?api-version=2021-04-01`,
      {
        Authorization: `Bearer ${token}`,
      },
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ name: "rg-both", location: "westeurope" });
  });

  it("answers the cloud metadata without a token, pointing at the origin the client used", async () => {
    const res = await httpsGet(`${tlsUrl}/metadata/endpoints?api-version=2022-09-01`);
    expect(res.status).toBe(200);
    const clouds = JSON.parse(res.body);
    expect(clouds).toHaveLength(1);
    expect(clouds[0]).toMatchObject({
      resourceManager: `${tlsUrl}/`,
      microsoftGraphResourceId: `${tlsUrl}/`,
      authentication: { loginEndpoint: `${tlsUrl}/`, tenant: "common", identityProvider: "AAD" },
    });
    expect(clouds[0].authentication.audiences).toEqual([
      "https://management.core.windows.net/",
      "https://management.azure.com/",
    ]);
    expect(clouds[0].suffixes).toBeTypeOf("object");

    const plain = await fetch(`${emulator.url}/metadata/endpoints?api-version=2022-09-01`).then((r) => r.json());
    expect(plain[0].resourceManager).toBe(`${emulator.url}/`);
  });

  it("answers msrestazure's legacy metadata shape for older api-versions, and requires an api-version", async () => {
    const legacy = JSON.parse((await httpsGet(`${tlsUrl}/metadata/endpoints?api-version=2015-01-01`)).body);
    expect(legacy).toMatchObject({
      authentication: { loginEndpoint: `${tlsUrl}/` },
      graphEndpoint: "https://graph.windows.net/",
    });
    expect(legacy.authentication.audiences[0]).toBe("https://management.core.windows.net/");

    const missing = await httpsGet(`${tlsUrl}/metadata/endpoints`);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).error.code).toBe("MissingApiVersionParameter");
  });

  it("tunnels CONNECT to msal's instance discovery host into its TLS listener, and to nothing outside", async () => {
    const tunnel = await connectThroughProxy(`${INSTANCE_DISCOVERY_HOST}:443`);
    expect(tunnel.status).toBe(200);
    const response = await new Promise<string>((resolve, reject) => {
      const tls = tlsConnect({ socket: tunnel.socket, servername: INSTANCE_DISCOVERY_HOST, ca }, () => {
        tls.write(
          `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=https%3A%2F%2F127.0.0.1%2Forganizations%2Foauth2%2Fv2.0%2Fauthorize HTTP/1.1\r\nHost: ${INSTANCE_DISCOVERY_HOST}\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = "";
      tls.on("data", (chunk) => (text += chunk));
      tls.on("end", () => resolve(text));
      tls.on("error", reject);
    });
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain("tenant_discovery_endpoint");

    const refused = await connectThroughProxy("example.com:443");
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("tunnels only to itself");
  });
});

describe("the Azure SDK for JS with its default pipeline", () => {
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    ARM_ENDPOINT: tlsUrl,
    TOKEN_ENDPOINT: tlsUrl,
    TENANT_ID: EMPTY_SEED.tenantId,
    CLIENT_ID: EMPTY_SEED.servicePrincipal.appId,
    CLIENT_SECRET: EMPTY_SEED.servicePrincipal.secret,
    SUBSCRIPTION_ID: EMPTY_SEED.subscriptionId,
  });

  it("signs in and manages galleries over TLS, trusting the CA through NODE_EXTRA_CA_CERTS", async () => {
    const { stdout } = await run(process.execPath, [CLIENT], {
      env: { ...env(), NODE_EXTRA_CA_CERTS: emulator.emulator.tls!.caCertPath },
    });
    const result = JSON.parse(stdout);
    expect(result.policies).toContain("bearerTokenAuthenticationPolicy");
    expect(result.gallery).toEqual({
      id: `/subscriptions/${EMPTY_SEED.subscriptionId}/resourceGroups/rg-tls/providers/Microsoft.Compute/galleries/tls_gallery`,
      provisioningState: "Succeeded",
      description: "created over TLS",
    });
    expect(result.listed).toContain(result.gallery.id);
  });

  it("fails the TLS handshake without the CA", async () => {
    const { NODE_EXTRA_CA_CERTS: _ignored, ...withoutCa } = env();
    const failure = await run(process.execPath, [CLIENT], { env: withoutCa }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(JSON.parse(failure!.stderr.trim().split("\n").at(-1)!).message).toMatch(
      /self[- ]signed certificate|unable to verify/i,
    );
  });

  it("refuses to send the bearer token to the plain http port, which is why the emulator serves TLS", async () => {
    const failure = await run(process.execPath, [CLIENT], { env: { ...env(), ARM_ENDPOINT: emulator.url } }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(JSON.parse(failure!.stderr.trim().split("\n").at(-1)!).message).toMatch(/non-TLS|https/i);
  });
});
