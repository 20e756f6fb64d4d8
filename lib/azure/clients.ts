import { ComputeManagementClient } from "@azure/arm-compute";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName,
  createPipelineFromOptions,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { installArmRetryPolicy } from "@/lib/azure/armRetryPolicy";
import { AzureError, rememberErrorBodyPolicy } from "@/lib/azure/errors";
import { type ArmMethod, type ArmTransport, pipelineTransport } from "@/lib/azure/transport";
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

/**
 * Authentication (the loopback choice), the dashboard's retry policy, and remembering error bodies, in a pipeline an
 * SDK client built: the same for every SDK client, so every ARM call retries alike.
 */
export function configureSdkPipeline(
  pipeline: Pipeline,
  endpoint: string,
  credential: TokenCredential,
  insecure: boolean,
) {
  if (insecure) installAuthPolicy(pipeline, endpoint, credential, [ARM_SCOPE]);
  // Retries tuned for a throttling ARM (Retry-After honoured, 429/503 with backoff): lib/azure/armRetry.
  installArmRetryPolicy(pipeline);
  // Outermost, so it sees the final response after retries.
  pipeline.addPolicy(rememberErrorBodyPolicy, { phase: "Serialize" });
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
  configureSdkPipeline(client.pipeline, endpoint, credential, insecure);
  return client;
}

/**
 * The transport for ARM calls no installed SDK covers: the same authentication choice as the SDK clients, and the
 * dashboard's retry policy unless `retry` is false (for callers that schedule retries themselves, such as the
 * inventory, whose waiting requests must not hold a concurrency slot).
 */
export function createArmTransport(
  endpoint: string,
  credential: TokenCredential,
  { retry }: { retry: boolean },
): ArmTransport {
  const insecure = authPolicyFor(endpoint) === "loopback-bearer";
  const pipeline = createPipelineFromOptions({});
  installAuthPolicy(pipeline, endpoint, credential, [ARM_SCOPE]);
  if (retry) installArmRetryPolicy(pipeline);
  else pipeline.removePolicy({ phase: "Retry" });
  return pipelineTransport(pipeline, insecure);
}

/** ARM calls no installed SDK covers (`GET /subscriptions`, resource group PUT, Authorization lists), with retries. */
export interface ArmRestClient {
  /** Sends one request and returns the JSON answer; a failed answer throws its AzureError. */
  request<T>(method: ArmMethod, pathAndQuery: string, body?: unknown): Promise<T>;
  /** GETs a list and follows nextLink until the last page. */
  listAll<T>(pathAndQuery: string): Promise<T[]>;
  /** POSTs a JSON body (`…/action` operations) and returns the JSON answer. */
  post<T>(pathAndQuery: string, body: unknown): Promise<T>;
}

export function createArmRestClient(endpoint: string, credential: TokenCredential): ArmRestClient {
  // The same retries as the SDK clients, so a throttled page of a list is retried, not the whole list.
  const transport = createArmTransport(endpoint, credential, { retry: true });

  async function send<T>(method: ArmMethod, url: string, body?: unknown): Promise<T> {
    const response = await transport.send({ method, url, ...(body !== undefined ? { body } : {}) });
    if (response.status >= 400) throw AzureError.fromResponse(response, new URL(url).pathname);
    return response.body as T;
  }

  return {
    request: (method, pathAndQuery, body) => send(method, new URL(pathAndQuery, endpoint).href, body),
    async listAll<T>(pathAndQuery: string) {
      const items: T[] = [];
      let next: string | undefined = new URL(pathAndQuery, endpoint).href;
      while (next) {
        const page: { value?: T[]; nextLink?: string | null } | undefined = await send("GET", next);
        items.push(...(page?.value ?? []));
        next = page?.nextLink ?? undefined;
      }
      return items;
    },
    post: (pathAndQuery, body) => send("POST", new URL(pathAndQuery, endpoint).href, body),
  };
}

/** Everything the queries need to reach ARM as the signed-in user. */
export interface ArmClients {
  endpoint: string;
  compute(subscriptionId: string): ComputeManagementClient;
  rest: ArmRestClient;
  /** Raw requests without the retry policy, for callers that schedule their own retries (inventory, Resource Graph). */
  unretried: ArmTransport;
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
    unretried: createArmTransport(endpoint, credential, { retry: false }),
  };
}

export type { AccessToken, TokenCredential };
