import {
  EventType,
  PublicClientApplication,
  type AuthenticationResult,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { msalConfiguration } from "@/lib/auth/msalConfig";
import type { RuntimeConfig } from "@/lib/azure/runtimeConfig";

const started = new Map<string, Promise<IPublicClientApplication>>();

/**
 * The one MSAL instance of the page, created once per configuration. React runs effects twice in development
 * (StrictMode); a second instance would redeem the redirect's authorization code again and fail with AADSTS54005.
 */
export function startMsal(config: RuntimeConfig, origin: string): Promise<IPublicClientApplication> {
  const key = JSON.stringify([msalConfiguration(config, origin).auth, origin]);
  let instance = started.get(key);
  if (!instance) {
    instance = createMsal(config, origin);
    started.set(key, instance);
    instance.catch(() => started.delete(key));
  }
  return instance;
}

/**
 * Creates and initialises an MSAL instance. MSAL 5 no longer picks an active account: it is set from sign-in and
 * token events, or restored from the cache on reload, so every token call has an account.
 */
async function createMsal(config: RuntimeConfig, origin: string): Promise<IPublicClientApplication> {
  const instance = new PublicClientApplication(msalConfiguration(config, origin));
  await instance.initialize();
  instance.addEventCallback((event) => {
    if (
      (event.eventType === EventType.LOGIN_SUCCESS || event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) &&
      event.payload
    ) {
      const { account } = event.payload as AuthenticationResult;
      if (account) instance.setActiveAccount(account);
    }
  });
  const result = await instance.handleRedirectPromise();
  if (result?.account) instance.setActiveAccount(result.account);
  if (!instance.getActiveAccount()) {
    const [first] = instance.getAllAccounts();
    if (first) instance.setActiveAccount(first);
  }
  return instance;
}
