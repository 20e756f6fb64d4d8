/** Who is calling, from a verified access token. */
export interface Caller {
  objectId: string;
  tenantId: string;
  kind: "User" | "ServicePrincipal";
  /** What ARM names the client in AuthorizationFailed: the UPN for users, the app id for service principals. */
  clientName: string;
  appId: string;
  upn?: string;
  displayName?: string;
}
