import { createDefaultHttpClient, createPipelineRequest, type HttpClient } from "@azure/core-rest-pipeline";
import type { ArmClients } from "@/lib/azure/clients";
import { AzureError, armErrorBody, toAzureError } from "@/lib/azure/errors";

/** What the inventory needs from ARM: one request, its status, headers and JSON body, nothing retried. */
export interface ArmResponse {
  status: number;
  header(name: string): string | null;
  body: unknown;
}

export interface ArmTransport {
  send(request: { method: "GET" | "POST"; url: string; body?: unknown }, signal?: AbortSignal): Promise<ArmResponse>;
}

let httpClient: HttpClient | undefined;

/**
 * ARM requests through the signed-in user's pipeline (authentication and the loopback choice stay in
 * lib/azure/clients), minus the SDK's retry policies: the inventory retries throttled calls itself, per
 * subscription and after Retry-After, instead of each request sleeping on its own inside the SDK.
 */
export function armTransport(arm: ArmClients, anySubscriptionId: string): ArmTransport {
  const pipeline = arm.compute(anySubscriptionId).pipeline.clone();
  pipeline.removePolicy({ phase: "Retry" });
  return {
    async send({ method, url, body }, signal) {
      const request = createPipelineRequest({
        url,
        method,
        allowInsecureConnection: url.startsWith("http:"),
        ...(signal ? { abortSignal: signal } : {}),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      request.headers.set("Accept", "application/json");
      if (body !== undefined) request.headers.set("Content-Type", "application/json");
      httpClient ??= createDefaultHttpClient();
      let response;
      try {
        response = await pipeline.sendRequest(httpClient, request);
      } catch (error) {
        throw toAzureError(error, new URL(url).pathname);
      }
      const text = response.bodyAsText ?? "";
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.status, header: (name) => response.headers.get(name) ?? null, body: parsed };
    },
  };
}

/** The AzureError of a failed response, with ARM's own code and message. */
export function errorOf(response: ArmResponse, resourceId: string): AzureError {
  const error = armErrorBody(response.body);
  return new AzureError({
    status: response.status,
    code: typeof error?.code === "string" ? error.code : `Http${response.status}`,
    message: typeof error?.message === "string" ? error.message : `${resourceId} answered HTTP ${response.status}.`,
    target: typeof error?.target === "string" ? error.target : undefined,
    resourceId,
    requestId: response.header("x-ms-request-id") ?? undefined,
  });
}
