"use client";

import { useMsal } from "@azure/msal-react";

/**
 * The signed-in user's object id in the tenant being used: a guest has another object id in the inviting tenant
 * than at home, and the active account is the tenant profile of the current tenant.
 */
export function useCallerObjectId(): string | undefined {
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const oid = account?.idTokenClaims?.oid;
  return typeof oid === "string" ? oid : account?.localAccountId;
}
