import { retryAfterMsOf } from "@/lib/azure/armRetry";
import type { ArmClients } from "@/lib/azure/clients";
import { realClock } from "@/lib/azure/clock";
import { armErrorBody } from "@/lib/azure/errors";
import type { ArmResponse } from "@/lib/azure/transport";
import type { ArmTemplate } from "@/lib/consumer/armTemplate";

/** The api-version of Microsoft.Resources/deployments the check sends (the one @azure/arm-resources 7 sends). */
export const DEPLOYMENTS_API_VERSION = "2025-04-01";
/** Azure may answer a long validation with 202 and a Location to poll; the check gives up after this many polls. */
const MAX_VALIDATION_POLLS = 30;

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** What ARM said about a deployment validation, kept whole: the inner errors are the point of the check. */
export type ValidationOutcome =
  | { ok: true; status: number; deploymentId: string; provisioningState: string; validatedResources: string[] }
  | { ok: false; status: number; error: ErrorDetail & { details: ErrorDetail[] }; requestId?: string };

export interface ValidationRequest {
  subscriptionId: string;
  resourceGroup: string;
  deploymentName: string;
  template: ArmTemplate;
  parameters: Record<string, { value: unknown }>;
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

function detailsOf(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d) => {
    const code = str((d as Record<string, unknown>)?.code);
    const message = str((d as Record<string, unknown>)?.message);
    const target = str((d as Record<string, unknown>)?.target);
    return code && message ? [{ code, message, ...(target ? { target } : {}) }] : [];
  });
}

function outcomeOf(response: ArmResponse): ValidationOutcome {
  const body = (response.body ?? {}) as Record<string, unknown>;
  // A 200 may still carry an error (older api-versions answered validation failures that way).
  const error = armErrorBody(body) as Record<string, unknown> | undefined;
  if (response.status < 300 && !error) {
    const properties = (body.properties ?? {}) as Record<string, unknown>;
    const validated = Array.isArray(properties.validatedResources) ? properties.validatedResources : [];
    return {
      ok: true,
      status: response.status,
      deploymentId: str(body.id) ?? "",
      provisioningState: str(properties.provisioningState) ?? "Succeeded",
      validatedResources: validated.flatMap((r) =>
        str((r as Record<string, unknown>)?.id) ? [(r as { id: string }).id] : [],
      ),
    };
  }
  const requestId = response.header("x-ms-request-id") ?? undefined;
  return {
    ok: false,
    status: response.status,
    error: {
      code: str(error?.code) ?? `Http${response.status}`,
      message: str(error?.message) ?? `ARM answered HTTP ${response.status}.`,
      ...(str(error?.target) ? { target: str(error?.target)! } : {}),
      details: detailsOf(error?.details),
    },
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * `POST /subscriptions/{s}/resourcegroups/{rg}/providers/Microsoft.Resources/deployments/{name}/validate` with the
 * template inline, as the signed-in user. Resolves with what ARM answered (success or its error with the inner
 * errors); rejects only when no answer arrived.
 */
export async function validateDeployment(
  arm: ArmClients,
  request: ValidationRequest,
  signal?: AbortSignal,
): Promise<ValidationOutcome> {
  // Not retried: a throttled or failed validation is an answer the deploy panel shows as it is.
  const transport = arm.unretried;
  const path =
    `/subscriptions/${encodeURIComponent(request.subscriptionId)}/resourcegroups/${encodeURIComponent(request.resourceGroup)}` +
    `/providers/Microsoft.Resources/deployments/${encodeURIComponent(request.deploymentName)}/validate?api-version=${DEPLOYMENTS_API_VERSION}`;
  const body = { properties: { mode: "Incremental", template: request.template, parameters: request.parameters } };
  let response = await transport.send({ method: "POST", url: new URL(path, arm.endpoint).href, body }, signal);
  for (let poll = 0; response.status === 202 && poll < MAX_VALIDATION_POLLS; poll++) {
    const location = response.header("location");
    if (!location) break;
    const asked = retryAfterMsOf({ get: (name) => response.header(name) }) ?? 2_000;
    await realClock.sleep(Math.max(1_000, asked), signal);
    response = await transport.send({ method: "GET", url: location }, signal);
  }
  return outcomeOf(response);
}
