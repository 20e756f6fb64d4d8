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

  /**
   * The error of a failed ARM (or Microsoft Graph) answer, in the service's own words (`{error: {code, message,
   * target}}`) when it sent them.
   */
  static fromResponse(
    response: { status: number; header(name: string): string | null; body: unknown },
    resourceId?: string,
    service = "Azure Resource Manager",
  ): AzureError {
    const error = armErrorBody(response.body);
    return new AzureError({
      status: response.status,
      code: str(error?.code) ?? `Http${response.status}`,
      message: str(error?.message) ?? `${resourceId ?? service} answered HTTP ${response.status}.`,
      target: str(error?.target),
      resourceId,
      // ARM names it x-ms-request-id, Graph request-id.
      requestId: response.header("x-ms-request-id") ?? response.header("request-id") ?? undefined,
    });
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

/**
 * ARM error bodies of failed responses, by request. The SDK's paging helper throws a RestError with a generic
 * message and no body; the pipeline policy below keeps the body so toAzureError can still show ARM's own words.
 */
const errorBodies = new WeakMap<object, string>();

export const REMEMBER_ERROR_BODY_POLICY_NAME = "rememberArmErrorBody";

/** A pipeline policy (core-rest-pipeline shape) that remembers the body of every failed response. */
export const rememberErrorBodyPolicy = {
  name: REMEMBER_ERROR_BODY_POLICY_NAME,
  async sendRequest<Req extends object, Res extends { status: number; bodyAsText?: string | null }>(
    request: Req,
    next: (request: Req) => Promise<Res>,
  ): Promise<Res> {
    const response = await next(request);
    if (response.status >= 400 && response.bodyAsText) errorBodies.set(request, response.bodyAsText);
    return response;
  },
};

interface RestErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  request?: unknown;
  response?: { bodyAsText?: unknown; headers?: { get(name: string): string | undefined } };
}

/**
 * Turns whatever a call threw (the SDK's RestError, our REST client's AzureError, a fetch TypeError) into an
 * AzureError that names the resource the call was about.
 */
export function toAzureError(error: unknown, resourceId?: string): AzureError {
  if (error instanceof AzureError) {
    return error.resourceId || !resourceId ? error : new AzureError({ ...error, message: error.message, resourceId });
  }
  const e = (error ?? {}) as RestErrorLike;
  const remembered = e.request && typeof e.request === "object" ? errorBodies.get(e.request) : undefined;
  const body = armErrorBody(e.details) ?? armErrorBody(e.response?.bodyAsText) ?? armErrorBody(remembered);
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
