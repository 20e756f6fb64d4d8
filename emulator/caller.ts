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
  /**
   * The identities of the verified tokens in `x-ms-authorization-auxiliary`, one per other tenant: ARM judges
   * access to a linked resource in another tenant's subscription by the auxiliary identity of that tenant.
   */
  auxiliary?: Caller[];
}
