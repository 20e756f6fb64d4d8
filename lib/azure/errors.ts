/**
 * The one error type the UI sees for anything that went wrong talking to Azure. Built only at the transport
 * boundary (toAzureError), so components never inspect SDK or fetch errors themselves.
 */
export class AzureError extends Error {
  override name = "AzureError";
  /** HTTP status; 0 when no response arrived (network failure, CORS, emulator down). */
  readonly status: number;
  /** ARM error code, e.g. ResourceNotFound, AuthorizationFailed. */
  readonly code: string;
  readonly target: string | undefined;
  /** The ARM resource (or scope) the failed call was about. */
  readonly resourceId: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    target?: string | undefined;
    resourceId?: string | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.target = init.target;
    this.resourceId = init.resourceId;
    this.requestId = init.requestId;
  }
}

interface ArmErrorBody {
  code?: unknown;
  message?: unknown;
  target?: unknown;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Extracts `{error: {code, message, target}}` from an ARM response body (object or JSON text). */
export function armErrorBody(body: unknown): ArmErrorBody | undefined {
  let parsed = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (parsed && typeof parsed === "object" && "error" in parsed) {
    const error = (parsed as { error: unknown }).error;
    if (error && typeof error === "object") return error as ArmErrorBody;
  }
  return undefined;
}

interface RestErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  response?: { bodyAsText?: unknown; headers?: { get(name: string): string | undefined } };
}

/**
 * Turns whatever a call threw (the SDK's RestError, our REST client's AzureError, a fetch TypeError) into an
 * AzureError that names the resource the call was about.
 */
export function toAzureError(error: unknown, resourceId?: string): AzureError {
  if (error instanceof AzureError) {
    return error.resourceId || !resourceId
      ? error
      : new AzureError({ ...error, message: error.message, resourceId });
  }
  const e = (error ?? {}) as RestErrorLike;
  const body = armErrorBody(e.details) ?? armErrorBody(e.response?.bodyAsText);
  const status = typeof e.statusCode === "number" ? e.statusCode : 0;
  const message =
    str(body?.message) ??
    str(e.message) ??
    (status ? `Azure Resource Manager answered HTTP ${status}.` : "The request did not reach Azure Resource Manager.");
  const code = str(body?.code) ?? str(e.code) ?? (status ? `Http${status}` : "NetworkError");
  return new AzureError({
    status,
    // The SDK reports "REQUEST_SEND_ERROR" when fetch itself failed: say so in ARM-like words.
    code: code === "REQUEST_SEND_ERROR" ? "NetworkError" : code,
    message,
    target: str(body?.target),
    resourceId,
    requestId: e.response?.headers?.get("x-ms-request-id"),
  });
}
