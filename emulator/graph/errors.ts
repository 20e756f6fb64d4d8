import { ArmError } from "../errors.js";

/**
 * Microsoft Graph's error: `{error: {code, message, innerError: {date, request-id, client-request-id}}}`. Built
 * only through the factories below so codes and messages match what Graph sends for directory objects.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "GraphError";
  }

  toBody(requestId: string, clientRequestId: string) {
    return {
      error: {
        code: this.code,
        message: this.message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ""),
          "request-id": requestId,
          "client-request-id": clientRequestId,
        },
      },
    };
  }
}

export const GraphErrors = {
  /** The pipeline's authentication stage speaks ARM; Graph words the same failures its own way. */
  fromAuthentication: (e: ArmError) => {
    switch (e.code) {
      case "AuthenticationFailed":
        return new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
      case "ExpiredAuthenticationToken":
        return new GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
      case "InvalidAuthenticationTokenAudience":
        return new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
      default:
        return new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure.");
    }
  },

  resourceNotFound: (id: string) =>
    new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),

  segmentNotFound: (segment: string) =>
    new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`),

  searchNeedsConsistencyLevel: () =>
    new GraphError(
      400,
      "Request_UnsupportedQuery",
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    ),

  countNeedsConsistencyLevel: () =>
    new GraphError(
      400,
      "Request_BadRequest",
      "$count is not currently supported. Use the header 'ConsistencyLevel: eventual' to enable it.",
    ),

  unsupportedFilter: (clause: string, entity: string) =>
    new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Unsupported or invalid query filter clause specified for property '${clause}' of resource '${entity}'.`,
    ),

  invalidSearch: (search: string) =>
    new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Syntax error: the $search expression '${search}' is not valid. Use "property:value" terms.`,
    ),

  unknownProperty: (property: string, type: string) =>
    new GraphError(
      400,
      "Request_BadRequest",
      `Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`,
    ),

  invalidPageSize: (top: string) =>
    new GraphError(
      400,
      "Request_BadRequest",
      `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
    ),

  badRequest: (message: string) => new GraphError(400, "Request_BadRequest", message),

  meNeedsDelegatedToken: () =>
    new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow."),

  internal: (requestId: string) =>
    new GraphError(
      500,
      "InternalServerError",
      `Encountered an internal error. Diagnostic information: request id '${requestId}'.`,
    ),
};
