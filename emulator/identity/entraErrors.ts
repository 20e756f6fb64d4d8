import { randomUUID } from "node:crypto";

/**
 * The OAuth error of the identity provider, as Entra ID sends it: an OAuth `error` code, an AADSTS number and
 * message. Built only through the factories below so codes and wording match Entra's; the token endpoint turns
 * it into Entra's JSON body, the authorize endpoint into a redirect back to the app or an error page.
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_grant"
  | "invalid_client"
  | "unauthorized_client"
  | "invalid_scope"
  | "invalid_resource"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "login_required"
  | "access_denied";

export class EntraError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly aadsts: number,
    readonly description: string,
    readonly status: 400 | 401 = 400,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
    this.name = "EntraError";
  }

  /** Entra's token endpoint error body; the trace and correlation ids are repeated in the description. */
  toBody(correlationId: string = randomUUID()) {
    const traceId = randomUUID();
    const now = new Date();
    const timestamp = `${now.toISOString().slice(0, 19).replace("T", " ")}Z`;
    return {
      error: this.error,
      error_description: `${this.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [this.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${this.aadsts}`,
    };
  }
}

export const EntraErrors = {
  missingParameter: (name: string) =>
    new EntraError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),

  tenantNotFound: (tenant: string) =>
    new EntraError(
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the ` +
        "correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
    ),

  unknownClient: (clientId: string, tenant: string) =>
    new EntraError(
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the ` +
        "application has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You may have sent your authentication request to the wrong tenant.",
    ),

  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    new EntraError(
      "invalid_request",
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the ` +
        `application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application ` +
        "in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.",
    ),

  unsupportedResponseType: (responseType: string) =>
    new EntraError(
      "unsupported_response_type",
      700054,
      `response_type '${responseType}' is not enabled for the application.`,
    ),

  unsupportedResponseMode: (mode: string) =>
    new EntraError("invalid_request", 90010, `The response_mode '${mode}' is not supported.`),

  pkceRequired: () =>
    new EntraError(
      "invalid_request",
      9002325,
      "Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
    ),

  unsupportedChallengeMethod: (method: string) =>
    new EntraError(
      "invalid_request",
      501471,
      `The code_challenge_method '${method}' is not supported. Public clients must use 'S256'.`,
    ),

  loginRequired: () =>
    new EntraError(
      "login_required",
      50058,
      "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session " +
        "were not sent in the request to Azure AD. This can happen if the user is using Internet Explorer or Edge, and " +
        "the web app sending the silent sign-in request is in different IE security zone than the Azure AD endpoint (login.microsoftonline.com).",
    ),

  notInTenant: (upn: string, homeTenantId: string, tenantName: string, clientId: string) =>
    new EntraError(
      "invalid_grant",
      50020,
      `User account '${upn}' from identity provider 'https://sts.windows.net/${homeTenantId}/' does not exist in tenant ` +
        `'${tenantName}' and cannot access the application '${clientId}' in that tenant. The account needs to be added as ` +
        "an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.",
    ),

  userNotFound: (tenantName: string) =>
    new EntraError(
      "invalid_grant",
      50034,
      `The user account {EUII Hidden} does not exist in the ${tenantName} directory. To sign into this application, ` +
        "the account must be added to the directory.",
    ),

  invalidCredentials: () =>
    new EntraError("invalid_grant", 50126, "Error validating credentials due to invalid username or password."),

  unsupportedGrantType: (grantType: string) =>
    new EntraError("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`),

  invalidCode: () =>
    new EntraError("invalid_grant", 70000, "The provided value for the 'code' parameter is not valid."),

  codeForOtherClient: () =>
    new EntraError(
      "invalid_grant",
      70000,
      "The provided value for the 'code' parameter is not valid. The code was issued to a different client.",
    ),

  codeExpired: () =>
    new EntraError(
      "invalid_grant",
      70008,
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive " +
        "authorization request for this user and resource.",
    ),

  codeRedeemed: () =>
    new EntraError(
      "invalid_grant",
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    ),

  codeForOtherTenant: () =>
    new EntraError(
      "invalid_grant",
      700005,
      "Provided Authorization Code is intended to use against other tenant, thus rejected.",
    ),

  replyAddressMismatch: (given: string, original: string) =>
    new EntraError(
      "invalid_grant",
      500112,
      `The reply address '${given}' does not match the reply address '${original}' provided when requesting Authorization code.`,
    ),

  codeVerifierMismatch: () =>
    new EntraError(
      "invalid_grant",
      501481,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    ),

  invalidRefreshToken: () =>
    new EntraError(
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid. The refresh token is not valid.",
    ),

  refreshTokenForOtherClient: () =>
    new EntraError(
      "invalid_grant",
      70000,
      "The provided value for the 'refresh_token' parameter is not valid. The refresh token was issued to a different client.",
    ),

  invalidClientSecret: (appId: string) =>
    new EntraError(
      "invalid_client",
      7000215,
      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not " +
        `the client secret ID, for a secret added to app '${appId}'.`,
      401,
    ),

  missingClientSecret: () =>
    new EntraError(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    ),

  publicClientWithSecret: () =>
    new EntraError(
      "invalid_client",
      700025,
      "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      401,
    ),

  multipleResources: (scope: string) =>
    new EntraError(
      "invalid_scope",
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),

  clientCredentialsScope: (scope: string) =>
    new EntraError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with ` +
        "/.default suffixed to the resource identifier (application ID URI).",
    ),

  resourceNotFound: (resource: string, tenant: string) =>
    new EntraError(
      "invalid_resource",
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the ` +
        "application has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You might have sent your authentication request to the wrong tenant.",
    ),
};
