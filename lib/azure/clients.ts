import { ComputeManagementClient } from "@azure/arm-compute";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { installArmRetryPolicy } from "@/lib/azure/armRetry";
import { AzureError, armErrorBody, rememberErrorBodyPolicy } from "@/lib/azure/errors";
import { ARM_SCOPE } from "@/lib/azure/wellKnown";

/**
 * How a client authenticates against an endpoint. The Azure SDK refuses bearer tokens over plain http, which is
 * right for Azure and wrong for the emulator on loopback; this is the one place that decides.
 */
export type AuthPolicyChoice = "sdk-bearer" | "loopback-bearer";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function authPolicyFor(endpoint: string): AuthPolicyChoice {
  const url = new URL(endpoint);
  if (url.protocol === "https:") return "sdk-bearer";
  if (url.protocol === "http:" && (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith("127."))) {
    return "loopback-bearer";
  }
  throw new Error(
    `Refusing to send Azure access tokens to ${url.origin}: only https endpoints, or http on this machine (the emulator), are allowed.`,
  );
}

export const LOOPBACK_BEARER_POLICY_NAME = "loopbackBearerTokenPolicy";

/** Sets the bearer header from the credential on every request, for the emulator's plain-http loopback endpoint. */
export function loopbackBearerPolicy(credential: TokenCredential, scopes: string[]): PipelinePolicy {
  return {
    name: LOOPBACK_BEARER_POLICY_NAME,
    async sendRequest(request, next) {
      const token = await credential.getToken(scopes);
      if (!token) throw new Error(`No access token was issued for ${scopes.join(" ")}.`);
      request.headers.set("Authorization", `Bearer ${token.token}`);
      return next(request);
    },
  };
}

/** Puts the authentication policy the endpoint needs into a pipeline the SDK built. */
export function installAuthPolicy(pipeline: Pipeline, endpoint: string, credential: TokenCredential, scopes: string[]) {
  const choice = authPolicyFor(endpoint);
  pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  pipeline.addPolicy(
    choice === "sdk-bearer"
      ? bearerTokenAuthenticationPolicy({ credential, scopes })
      : loopbackBearerPolicy(credential, scopes),
  );
  return choice;
}

export function createComputeClient(
  endpoint: string,
  credential: TokenCredential,
  subscriptionId: string,
): ComputeManagementClient {
  const insecure = authPolicyFor(endpoint) === "loopback-bearer";
  const client = new ComputeManagementClient(credential, subscriptionId, {
    endpoint,
    credentials: { scopes: [ARM_SCOPE] },
    allowInsecureConnection: insecure,
  });
  if (insecure) installAuthPolicy(client.pipeline, endpoint, credential, [ARM_SCOPE]);
  // Retries tuned for a throttling ARM (Retry-After honoured, 429/503 with backoff): lib/azure/armRetry.
  installArmRetryPolicy(client.pipeline);
  // Outermost, so it sees the final response after retries.
  client.pipeline.addPolicy(rememberErrorBodyPolicy, { phase: "Serialize" });
  return client;
}

/**
 * A small ARM client for the tenant-level reads no installed SDK covers (`GET /subscriptions`, `GET /tenants`),
 * on the same pipeline and authentication choice as the SDK clients.
 */
export interface ArmRestClient {
  /** GETs a list and follows nextLink until the last page. */
  listAll<T>(pathAndQuery: string): Promise<T[]>;
  /** POSTs a JSON body (Resource Graph queries, `…/action` operations) and returns the JSON answer. */
  post<T>(pathAndQuery: string, body: unknown): Promise<T>;
}

export function createArmRestClient(endpoint: string, credential: TokenCredential): ArmRestClient {
  const insecure = authPolicyFor(endpoint) === "loopback-bearer";
  const pipeline = createPipelineFromOptions({});
  installAuthPolicy(pipeline, endpoint, credential, [ARM_SCOPE]);
  // The same retries as the SDK clients, so a throttled page of a list is retried, not the whole list.
  installArmRetryPolicy(pipeline);
  const httpClient = createDefaultHttpClient();

  async function sendJson(url: string, method: "GET" | "POST" = "GET", payload?: unknown): Promise<unknown> {
    const request = createPipelineRequest({
      url,
      method,
      allowInsecureConnection: insecure,
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    });
    request.headers.set("Accept", "application/json");
    if (payload !== undefined) request.headers.set("Content-Type", "application/json");
    const response = await pipeline.sendRequest(httpClient, request);
    const body: unknown = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
    if (response.status >= 400) {
      const error = armErrorBody(body);
      throw new AzureError({
        status: response.status,
        code: typeof error?.code === "string" ? error.code : `Http${response.status}`,
        message: typeof error?.message === "string" ? error.message : `${method} ${url} answered HTTP ${response.status}.`,
        target: typeof error?.target === "string" ? error.target : undefined,
        requestId: response.headers.get("x-ms-request-id"),
      });
    }
    return body;
  }

  return {
    async listAll<T>(pathAndQuery: string) {
      const items: T[] = [];
      let next: string | undefined = new URL(pathAndQuery, endpoint).href;
      while (next) {
        const page = (await sendJson(next)) as { value?: T[]; nextLink?: string | null } | undefined;
        items.push(...(page?.value ?? []));
        next = page?.nextLink ?? undefined;
      }
      return items;
    },
    async post<T>(pathAndQuery: string, body: unknown) {
      return (await sendJson(new URL(pathAndQuery, endpoint).href, "POST", body)) as T;
    },
  };
}

/** Everything the queries need to reach ARM as the signed-in user. */
export interface ArmClients {
  endpoint: string;
  compute(subscriptionId: string): ComputeManagementClient;
  rest: ArmRestClient;
}

export function createArmClients(endpoint: string, credential: TokenCredential): ArmClients {
  const computeClients = new Map<string, ComputeManagementClient>();
  return {
    endpoint,
    compute(subscriptionId) {
      let client = computeClients.get(subscriptionId);
      if (!client) {
        client = createComputeClient(endpoint, credential, subscriptionId);
        computeClients.set(subscriptionId, client);
      }
      return client;
    },
    rest: createArmRestClient(endpoint, credential),
  };
}

export type { AccessToken, TokenCredential };
