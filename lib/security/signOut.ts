import type { IPublicClientApplication } from "@azure/msal-browser";
import type { QueryClient } from "@tanstack/react-query";

/** Every key the dashboard itself writes to localStorage or sessionStorage starts with this. */
export const OWN_STORAGE_PREFIX = "gallerist.";

/** Removes the dashboard's own keys (tenant choice and the like) from one storage; MSAL's are MSAL's to clear. */
export function forgetOwnStorage(storage: Storage): string[] {
  const ours: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(OWN_STORAGE_PREFIX)) ours.push(key);
  }
  for (const key of ours) storage.removeItem(key);
  return ours;
}

/**
 * Signs out so that nothing of the session stays in this browser: Azure data cached by TanStack Query, the
 * dashboard's own stored choices, and every token MSAL holds (cleared locally first, so they are gone even if
 * the identity provider's logout page never answers), then ends the session at the identity provider.
 */
export async function signOut(instance: IPublicClientApplication, queryClient: QueryClient): Promise<void> {
  const account = instance.getActiveAccount();
  await queryClient.cancelQueries();
  queryClient.clear();
  forgetOwnStorage(window.localStorage);
  forgetOwnStorage(window.sessionStorage);
  await instance.clearCache();
  await instance.logoutRedirect(account ? { account } : {});
}
