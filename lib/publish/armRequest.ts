import { createDefaultHttpClient, createPipelineRequest, type HttpClient } from "@azure/core-rest-pipeline";
import type { ArmClients } from "@/lib/azure/clients";
import { AzureError, armErrorBody, toAzureError } from "@/lib/azure/errors";

let httpClient: HttpClient | undefined;

/**
 * One ARM call that no installed SDK covers (resource group PUT, Resource Graph), sent through the compute
 * client's pipeline of that subscription, so authentication and the loopback choice stay in lib/azure/clients.
 * `pathAndQuery` must carry its own api-version: the SDK pipeline would otherwise add Compute's.
 */
export async function armRequest<T>(
  arm: ArmClients,
  subscriptionId: string,
  init: { method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE"; pathAndQuery: string; body?: unknown },
): Promise<T> {
  const url = new URL(init.pathAndQuery, arm.endpoint).href;
  const request = createPipelineRequest({
    url,
    method: init.method,
    allowInsecureConnection: url.startsWith("http:"),
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  request.headers.set("Accept", "application/json");
  if (init.body !== undefined) request.headers.set("Content-Type", "application/json");
  httpClient ??= createDefaultHttpClient();
  let response;
  try {
    response = await arm.compute(subscriptionId).pipeline.sendRequest(httpClient, request);
  } catch (error) {
    throw toAzureError(error, init.pathAndQuery.split("?")[0]);
  }
  const text = response.bodyAsText ?? "";
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (response.status >= 400) {
    const error = armErrorBody(body);
    throw new AzureError({
      status: response.status,
      code: typeof error?.code === "string" ? error.code : `Http${response.status}`,
      message: typeof error?.message === "string" ? error.message : `${init.method} ${init.pathAndQuery} answered HTTP ${response.status}.`,
      target: typeof error?.target === "string" ? error.target : undefined,
      resourceId: init.pathAndQuery.split("?")[0],
      requestId: response.headers.get("x-ms-request-id"),
    });
  }
  return body as T;
}
