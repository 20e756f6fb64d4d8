/**
 * The one error type of the emulator. Handlers and models throw only ArmErrors built by the named factories
 * below, so every code and message matches what Azure Resource Manager sends; the pipeline's error stage turns
 * them into ARM's error body. Anything else that escapes is a bug and becomes a 500 with the request id.
 */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly details?: ArmErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ArmError";
  }

  toBody(): { error: ArmErrorDetail & { details?: ArmErrorDetail[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target !== undefined ? { target: this.target } : {}),
        ...(this.details?.length ? { details: this.details } : {}),
      },
    };
  }
}

/** A domain rule broken (see lib/gallery/violation.ts); kept structural so the emulator needs no import cycle. */
export interface RuleViolationLike {
  status: number;
  code: string;
  message: string;
  target?: string;
}

const ARM_NOT_FOUND_FIX = "For more details please go to https://aka.ms/ARMResourceNotFoundFix";

export const ArmErrors = {
  fromViolation: (v: RuleViolationLike) => new ArmError(v.status, v.code, v.message, v.target),

  missingApiVersion: () =>
    new ArmError(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    ),

  invalidApiVersion: (given: string, resourceType: string, supported: readonly string[]) =>
    new ArmError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${given}' is invalid. The supported versions are '${supported.join(",")}'. ` +
        `(resource type '${resourceType}')`,
    ),

  malformedApiVersion: (given: string) =>
    new ArmError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${given}' is invalid. The api-version must be a past date of the form 'yyyy-MM-dd', optionally followed by '-preview'.`,
    ),

  requestHeadersTooLarge: () =>
    new ArmError(431, "RequestHeaderFieldsTooLarge", "The request URL or headers exceed the maximum size of 16 KB."),

  requestTimeout: () => new ArmError(408, "RequestTimeout", "The request was not received in time."),

  invalidRequestUri: (why: string) =>
    new ArmError(400, "InvalidRequestUri", `The request URI is invalid. ${why}`.trim()),

  missingAuthorization: () =>
    new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."),

  invalidAuthorizationHeader: () =>
    new ArmError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
    ),

  invalidToken: (why: string) =>
    new ArmError(401, "InvalidAuthenticationToken", `The access token is invalid. ${why}`.trim()),

  expiredToken: (expiry: Date, now: Date) =>
    new ArmError(
      401,
      "ExpiredAuthenticationToken",
      `The access token expiry UTC time '${armDate(expiry)}' is earlier than current UTC time '${armDate(now)}'.`,
    ),

  wrongAudience: (audience: string, allowed: readonly string[]) =>
    new ArmError(
      401,
      "InvalidAuthenticationTokenAudience",
      `The access token has been obtained for wrong audience or resource '${audience}'. ` +
        `It should exactly match with one of the allowed audiences '${allowed.join("','")}'.`,
    ),

  invalidIssuer: (issuer: string) =>
    new ArmError(401, "InvalidAuthenticationTokenTenant", `The access token is from the wrong issuer '${issuer}'.`),

  /** A token of another tenant than the subscription's; the challenge names the subscription's authority. */
  wrongTokenTenant: (tokenTenant: string, subscriptionTenant: string, authority: string) =>
    new ArmError(
      401,
      "InvalidAuthenticationTokenTenant",
      `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. ` +
        `It must match the tenant 'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. ` +
        `Please use the authority (URL) 'https://login.windows.net/${subscriptionTenant}' to get the token. ` +
        "Note, if the subscription is transferred to another tenant there is no impact to the services, but information " +
        "about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see " +
        "this error message, please try back later.",
      undefined,
      undefined,
      {
        "WWW-Authenticate": `Bearer authorization_uri="${authority}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
      },
    ),

  /** A token of `x-ms-authorization-auxiliary` that is not valid; ARM names its client and tenant. */
  invalidAuxiliaryToken: (code: string, why: string, appId: string, tenantId: string) =>
    new ArmError(
      401,
      code,
      `The auxiliary token (header 'x-ms-authorization-auxiliary') of client '${appId}' from tenant '${tenantId}' is not valid. ${why}`,
    ),

  tooManyAuxiliaryTokens: (count: number) =>
    new ArmError(
      401,
      "InvalidAuthenticationToken",
      `The 'x-ms-authorization-auxiliary' header holds ${count} tokens; it can hold up to three auxiliary tokens.`,
    ),

  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    new ArmError(
      403,
      "AuthorizationFailed",
      `The client '${client}' with object id '${objectId}' does not have authorization to perform action ` +
        `'${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),

  invalidRequestContent: (why: string) =>
    new ArmError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${why}'.`,
    ),

  missingRequestContent: () =>
    new ArmError(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'The request content is empty.'.",
    ),

  requestTooLarge: (limitBytes: number) =>
    new ArmError(
      413,
      "RequestContentTooLarge",
      `The request content size exceeds the maximum size of ${Math.round(limitBytes / (1024 * 1024))} MB.`,
    ),

  unsupportedMediaType: (contentType: string) =>
    new ArmError(
      415,
      "UnsupportedMediaType",
      `The content media type '${contentType}' is not supported. Only 'application/json' is supported.`,
    ),

  noRegisteredProvider: (path: string) =>
    new ArmError(
      404,
      "NoRegisteredProviderFound",
      `No registered resource provider found for the request path '${path}'. Check the path and api-version.`,
    ),

  methodNotAllowed: (method: string, resourceType: string) =>
    new ArmError(
      405,
      "MethodNotAllowed",
      `The requested resource does not support http method '${method}' for resource type '${resourceType}'.`,
    ),

  subscriptionNotFound: (subscriptionId: string) =>
    new ArmError(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`),

  resourceGroupNotFound: (resourceGroup: string) =>
    new ArmError(404, "ResourceGroupNotFound", `Resource group '${resourceGroup}' could not be found.`),

  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    new ArmError(
      404,
      "ResourceNotFound",
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ${ARM_NOT_FOUND_FIX}`,
    ),

  parentNotFound: (parentName: string) =>
    new ArmError(
      404,
      "ParentResourceNotFound",
      `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`,
    ),

  locationNotAvailableForResourceGroup: (location: string) =>
    new ArmError(
      400,
      "LocationNotAvailableForResourceGroup",
      `The provided location '${location}' is not available for resource group. List of available regions is ` +
        "'eastus,eastus2,westus,westus2,westus3,centralus,northeurope,westeurope,...' (GET /subscriptions/{subscriptionId}/locations).",
      "location",
    ),

  invalidResourceGroupLocation: (requested: string, existing: string) =>
    new ArmError(
      409,
      "InvalidResourceGroupLocation",
      `Invalid resource group location '${requested}'. The Resource group already exists in location '${existing}'.`,
      "location",
    ),

  operationNotFound: (operationId: string) =>
    new ArmError(404, "NotFound", `The operation '${operationId}' could not be found.`),

  invalidParameter: (target: string, message: string) => new ArmError(400, "InvalidParameter", message, target),

  badRequest: (message: string, target?: string) => new ArmError(400, "BadRequest", message, target),

  conflict: (message: string, target?: string) => new ArmError(409, "Conflict", message, target),

  operationInProgress: (resourceName: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `An operation is currently in progress on resource '${resourceName}'. Retry after the operation has completed.`,
    ),

  /** `nestedIds` as ARM lists them: `Microsoft.Compute/galleries/{gallery}/images/{image}`. */
  cannotDeleteResource: (nestedIds: readonly string[]) =>
    new ArmError(
      409,
      "CannotDeleteResource",
      `Cannot delete resource while nested resources exist. Some existing nested resource IDs include: ${nestedIds.map((id) => `'${id}'`).join(", ")}. ` +
        "Please delete all nested resources before deleting this resource.",
    ),

  resourceGroupBeingDeleted: (resourceGroup: string) =>
    new ArmError(
      409,
      "ResourceGroupBeingDeleted",
      `The resource group '${resourceGroup}' is in deprovisioning state and cannot perform this operation.`,
    ),

  tooManyRequests: (retryAfterSeconds: number) =>
    new ArmError(
      429,
      "TooManyRequests",
      "The request is being throttled as the limit has been reached for operation type. Please retry after the time in the Retry-After header.",
      undefined,
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    ),

  /** Compute throttles the creation of image versions from one source while many are still copying it. */
  tooManyRequestsOnSource: (sourceId: string, retryAfterSeconds: number) =>
    new ArmError(
      429,
      "TooManyRequests",
      `Too many requests on source '${sourceId}'. Please reduce the number of requests on the source or wait some time before retrying.`,
      undefined,
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    ),

  serviceUnavailable: (retryAfterSeconds?: number) =>
    new ArmError(
      503,
      "ServiceUnavailable",
      "The service is currently unavailable. Please retry the request" +
        (retryAfterSeconds !== undefined ? " after the time in the Retry-After header." : " later."),
      undefined,
      undefined,
      retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {},
    ),

  // Microsoft.Compute galleries, image definitions and image versions.

  missingLocation: () =>
    new ArmError(400, "LocationRequired", "The location property is required for this definition.", "location"),

  invalidResourceLocation: (name: string, existing: string, requested: string, resourceGroup: string) =>
    new ArmError(
      409,
      "InvalidResourceLocation",
      `The resource '${name}' already exists in location '${existing}' in resource group '${resourceGroup}'. ` +
        `A resource with the same name cannot be created in location '${requested}'. Please select a new resource name.`,
      "location",
    ),

  /** Worded as troubleshooting-shared-images quotes it; the code and target are the emulator's (no public record of them). */
  galleryNameNotUnique: (name: string, subscriptionId: string) =>
    new ArmError(
      409,
      "GalleryNameNotUnique",
      `The gallery name '${name}' is not unique within the subscription '${subscriptionId}'. Please pick another gallery name.`,
      "galleryName",
    ),

  locationDiffersFromGallery: (kind: string, location: string, galleryLocation: string) =>
    new ArmError(
      400,
      "InvalidParameter",
      `The location '${location}' of the ${kind} must be the same as the location '${galleryLocation}' of its gallery.`,
      "location",
    ),

  /** Compute answers NotFound (its support guide quotes "NotFound: Source Image '…' is not found…"), worded as troubleshooting-shared-images. */
  versionSourceNotFound: (sourceId: string, target: string) =>
    new ArmError(
      404,
      "NotFound",
      `Source ${sourceId} is not found. Please check source exists, and is in the same region as gallery image version being created.`,
      target,
    ),

  versionMarkedForDeletion: (versionName: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `The 'Update Gallery Image Version' operation is not allowed on ${versionName} since it is marked for deletion. ` +
        "You can only retry the Delete operation (or wait for an ongoing one to complete).",
    ),

  versionSoftDeleted: (versionName: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `The 'Create Gallery Image Version' operation is not allowed on ${versionName} since a soft-deleted version of ` +
        "that name exists. Restore it with 'restore': true, or create the version once it has been purged.",
    ),

  versionNotSoftDeleted: (versionName: string) =>
    new ArmError(
      400,
      "InvalidParameter",
      `Gallery image version ${versionName} is not soft-deleted, so it cannot be restored.`,
      "properties.restore",
    ),

  versionSourceUnusable: (code: string, message: string, target: string) => new ArmError(400, code, message, target),

  replicationFailed: (failures: { region: string; details: string }[]) =>
    new ArmError(
      400,
      "ReplicationFailed",
      "Replication to all the target regions not completed. " +
        failures.map((f) => `Region '${f.region}': ${f.details}`).join(" "),
    ),

  // Microsoft.Compute managed images, disks, snapshots and virtual machines.

  invalidEntityName: (parameter: string, rule: string) =>
    new ArmError(
      400,
      "InvalidParameter",
      `The entity name '${parameter}' is invalid according to its validation rule: ${rule}.`,
      parameter,
    ),

  requiredParameterMissing: (parameter: string) =>
    new ArmError(400, "InvalidParameter", `Required parameter '${parameter}' is missing (null).`, parameter),

  invalidParameterValue: (parameter: string) =>
    new ArmError(400, "InvalidParameter", `The value of parameter ${parameter} is invalid.`, parameter),

  parameterNotAllowed: (parameter: string) =>
    new ArmError(400, "InvalidParameter", `Parameter '${parameter}' is not allowed.`, parameter),

  computeResourceNotFound: (type: string, name: string, resourceGroup: string, target: string) =>
    new ArmError(
      404,
      "NotFound",
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ${ARM_NOT_FOUND_FIX}`,
      target,
    ),

  virtualMachineNotGeneralized: (operation: string, vmName: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `The operation '${operation}' requires the Virtual Machine '${vmName}' to be Generalized.`,
    ),

  diskAttached: (diskName: string, vmId: string) =>
    new ArmError(409, "OperationNotAllowed", `Disk ${diskName} is attached to VM ${vmId}.`),

  noLatestImageVersion: (imageId: string) =>
    new ArmError(400, "InvalidParameter", `There is no latest image version exists for "${imageId}"`, "imageReference"),

  galleryImageNotAvailableInRegion: (imageId: string, region: string) =>
    new ArmError(
      404,
      "GalleryImageNotFound",
      `The gallery image ${imageId} is not available in ${region} region. Please contact image owner to replicate to this ` +
        "region, or change your requested region.",
      "imageReference",
    ),

  /** Chosen by analogy with GalleryImageNotFound (docs/azure-error-fidelity.md, VM Applications). */
  galleryApplicationVersionNotFound: (packageReferenceId: string, target: string) =>
    new ArmError(
      404,
      "GalleryApplicationVersionNotFound",
      `The gallery application version ${packageReferenceId} could not be found.`,
      target,
    ),

  galleryApplicationVersionNotAvailableInRegion: (packageReferenceId: string, region: string, target: string) =>
    new ArmError(
      404,
      "GalleryApplicationVersionNotFound",
      `The gallery application version ${packageReferenceId} is not available in ${region} region. Please contact ` +
        "the application owner to replicate to this region, or change your requested region.",
      target,
    ),

  linkedAuthorizationFailed: (
    client: string,
    objectId: string,
    action: string,
    scope: string,
    linkedAction: string,
    linkedScope: string,
  ) =>
    new ArmError(
      403,
      "LinkedAuthorizationFailed",
      `The client '${client}' with object id '${objectId}' has permission to perform action '${action}' on scope '${scope}'; ` +
        `however, it does not have permission to perform action(s) '${linkedAction}' on the linked scope(s) '${linkedScope}' ` +
        "(respectively) or the linked scope(s) are invalid.",
    ),

  linkedSubscriptionNotAuthorized: (action: string, scope: string, tenantId: string, subscriptionId: string) =>
    new ArmError(
      403,
      "LinkedAuthorizationFailed",
      `The client has permission to perform action '${action}' on scope '${scope}', however the current tenant ` +
        `'${tenantId}' is not authorized to access linked subscription '${subscriptionId}'.`,
    ),

  purchasePlanMismatch: (resourceId: string, plan: string, imagePlan: string) =>
    new ArmError(
      400,
      "BadRequest",
      `The resource with id ${resourceId} has a different plan ['${plan}'] than the parent gallery image plan ['${imagePlan}'].`,
    ),

  // The emulator's own control surface (/_emulator/*).

  scaleSetCapacityExceeded: (scaleSetName: string, limit: number) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `Unable to create or update Virtual Machine Scale Set '${scaleSetName}' as it exceeds the total limit of '${limit}' Virtual Machine instances.`,
      "sku.capacity",
    ),

  scaleSetOsStateChange: (scaleSetName: string, current: string, updated: string) =>
    new ArmError(
      409,
      "OperationNotAllowed",
      `Cannot update Virtual Machine Scale Set ${scaleSetName} as the current OS state of the VM Scale Set is ${current} which is different from the updated gallery image OS state which is ${updated}.`,
      "imageReference",
    ),

  faultRuleNotFound: (name: string) => new ArmError(404, "NotFound", `There is no fault rule named '${name}'.`),

  controlTargetNotFound: (resourceId: string) =>
    new ArmError(404, "NotFound", `There is no resource '${resourceId}'.`, "resourceId"),

  internal: (requestId: string) =>
    new ArmError(
      500,
      "InternalServerError",
      `Encountered internal server error. Diagnostic information: request id '${requestId}'.`,
    ),
};

/** ARM prints UTC times in expiry messages as M/d/yyyy h:mm:ss AM. */
function armDate(d: Date): string {
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}
