import { ArmErrors } from "../errors.js";
import type { ArmRequest, ArmRoute } from "../router.js";
import { ResourceGraphErrors } from "./errors.js";
import { KqlError } from "./kql/errors.js";
import { quotaHeaders } from "./quota.js";
import { decodeContinuation, MAX_PAGE_SIZE, type QueryRequest, type ResultFormat, runQuery } from "./query.js";

/** The api-versions of Microsoft.ResourceGraph/resources; @azure/arm-resourcegraph 4.x sends 2021-03-01, 5.x 2024-04-01. */
export const RESOURCE_GRAPH_API_VERSIONS = [
  "2018-09-01-preview",
  "2019-04-01",
  "2020-04-01-preview",
  "2020-09-01-preview",
  "2021-03-01",
  "2021-06-01-preview",
  "2022-10-01",
  "2024-04-01",
] as const;

function handleQuery(req: ArmRequest) {
  const decision = req.ctx.resourceGraph.quota.take(req.caller.objectId);
  const headers = quotaHeaders(decision);
  if (!decision.allowed)
    throw ResourceGraphErrors.rateLimited(
      Math.max(1, Math.ceil(decision.resetsAfterMs / 1000)),
      req.requestId,
      headers,
    );
  const request = readRequest(req, headers);
  try {
    return { status: 200, headers, body: runQuery(req.ctx, req.caller, request) };
  } catch (e) {
    if (e instanceof KqlError) throw ResourceGraphErrors.invalidQuery(e.detail, req.requestId, headers);
    throw e;
  }
}

/** The request body as QueryRequest describes it, refusing what the service refuses. */
function readRequest(req: ArmRequest, headers: Record<string, string>): QueryRequest {
  const invalid = (message: string) => ResourceGraphErrors.invalidOption(message, req.requestId, headers);
  const body = req.body;
  if (body === undefined || body === null) throw ArmErrors.missingRequestContent();
  if (typeof body !== "object" || Array.isArray(body))
    throw ArmErrors.invalidRequestContent("Unexpected JSON token; expected an object.");
  const b = body as Record<string, unknown>;
  if (typeof b.query !== "string" || b.query.trim() === "")
    throw invalid("The request must specify a non-empty 'query'.");
  const stringList = (name: string): string[] | undefined => {
    const v = b[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== "string"))
      throw invalid(`'${name}' must be an array of strings.`);
    return v as string[];
  };
  const options = (b.options ?? {}) as Record<string, unknown>;
  const top = options.$top ?? undefined;
  if (top !== undefined && (!Number.isInteger(top) || (top as number) < 1 || (top as number) > MAX_PAGE_SIZE)) {
    throw invalid(`The value of '$top' must be an integer between 1 and ${MAX_PAGE_SIZE}.`);
  }
  const skip = options.$skip ?? undefined;
  if (skip !== undefined && (!Number.isInteger(skip) || (skip as number) < 0))
    throw invalid("The value of '$skip' must be a non-negative integer.");
  const token = options.$skipToken;
  const continuation = typeof token === "string" && token !== "" ? decodeContinuation(token) : undefined;
  if (token !== undefined && token !== null && token !== "" && !continuation)
    throw invalid("The '$skipToken' is invalid.");
  return {
    query: b.query,
    subscriptions: stringList("subscriptions"),
    managementGroups: stringList("managementGroups"),
    ...(top !== undefined ? { top: top as number } : {}),
    ...(skip !== undefined ? { skip: skip as number } : {}),
    ...(continuation ? { continuation } : {}),
    resultFormat: resultFormatOf(options.resultFormat, req.apiVersion, invalid),
  };
}

function resultFormatOf(value: unknown, apiVersion: string, invalid: (m: string) => Error): ResultFormat {
  // Before 2021-03-01 the service answered in table format unless asked otherwise.
  if (value === undefined || value === null) return apiVersion < "2021-03-01" ? "table" : "objectArray";
  const format = String(value).toLowerCase();
  if (format === "objectarray") return "objectArray";
  if (format === "table") return "table";
  throw invalid(`The value '${String(value)}' of 'resultFormat' is invalid; use 'objectArray' or 'table'.`);
}

/** Microsoft.ResourceGraph: the resources query. Any signed-in caller may query; rows are filtered by RBAC. */
export const resourceGraphRoutes: ArmRoute[] = [
  {
    method: "POST",
    path: "/providers/Microsoft.ResourceGraph/resources",
    resourceType: "Microsoft.ResourceGraph/resources",
    apiVersions: RESOURCE_GRAPH_API_VERSIONS,
    handler: handleQuery,
  },
];
