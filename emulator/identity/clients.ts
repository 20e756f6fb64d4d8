import { AZURE_CLI_CLIENT_ID, EMULATOR_DASHBOARD_CLIENT_ID } from "../../lib/azure/wellKnown.js";

/**
 * The public clients (app registrations without a secret) the emulator knows, standing in for Entra's app
 * registrations: the dashboard as a single-page app and the Azure CLI as a native app.
 */
export interface PublicClient {
  clientId: string;
  displayName: string;
  /** Single-page apps get refresh tokens that live 24 hours, and Entra says so in `refresh_token_expires_in`. */
  kind: "spa" | "native";
}

const PUBLIC_CLIENTS: PublicClient[] = [
  { clientId: EMULATOR_DASHBOARD_CLIENT_ID, displayName: "Gallerist", kind: "spa" },
  { clientId: AZURE_CLI_CLIENT_ID, displayName: "Microsoft Azure CLI", kind: "native" },
];

/** Redirect URIs the Azure CLI registers besides loopback ones (msal-python's native-client fallback). */
const CLI_REDIRECT_URIS = ["https://login.microsoftonline.com/common/oauth2/nativeclient", "urn:ietf:wg:oauth:2.0:oob"];

export function publicClient(clientId: string): PublicClient | undefined {
  return PUBLIC_CLIENTS.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
}

/**
 * Whether the client may be sent back to this URI. Any loopback http(s) URI is accepted for both clients, as
 * Entra does for native apps' `http://localhost` and as the dashboard runs on ports chosen at run time.
 */
export function isAllowedRedirectUri(client: PublicClient, redirectUri: string): boolean {
  if (client.clientId === AZURE_CLI_CLIENT_ID && CLI_REDIRECT_URIS.includes(redirectUri)) return true;
  try {
    const url = new URL(redirectUri);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) &&
      !url.hash
    );
  } catch {
    return false;
  }
}
