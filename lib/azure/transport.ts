import {
  createDefaultHttpClient,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import { toAzureError } from "@/lib/azure/errors";

export type ArmMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE";

export interface ArmRequest {
  method: ArmMethod;
  /** Absolute, with its own api-version. */
  url: string;
  body?: unknown;
}

/** One ARM answer: status, headers and JSON body (the text when it is not JSON). */
export interface ArmResponse {
  status: number;
  header(name: string): string | null;
  body: unknown;
}

/** Sends one ARM request and hands back whatever ARM answered; rejects with an AzureError only when no answer came. */
export interface ArmTransport {
  send(request: ArmRequest, signal?: AbortSignal): Promise<ArmResponse>;
}

let httpClient: HttpClient | undefined;

/**
 * The one function that sends a raw ARM request, through a pipeline lib/azure/clients assembled (authentication,
 * the loopback choice and, unless the caller schedules its own, the retry policy).
 */
export function pipelineTransport(pipeline: Pipeline, allowInsecureConnection: boolean): ArmTransport {
  return {
    async send({ method, url, body }, signal) {
      const request = createPipelineRequest({
        url,
        method,
        allowInsecureConnection,
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
