import { DEFAULT_EMULATOR_PORT } from "@/lib/azure/wellKnown";

/**
 * Where the dashboard signs in and which Azure endpoints it calls. Resolved on the server at request time (not at
 * build time) so one production build serves any emulator port or Entra registration.
 */
export type RuntimeConfig =
  | {
      mode: "emulator";
      /** Base URL of the bundled emulator: identity provider, ARM and Graph share it. */
      emulatorUrl: string;
      armEndpoint: string;
      graphEndpoint: string;
    }
  | {
      mode: "entra";
      clientId: string;
      authority: string;
      armEndpoint: string;
      graphEndpoint: string;
    };

export type ConfigEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_ENTRA_AUTHORITY = "https://login.microsoftonline.com/organizations";
export const DEFAULT_ARM_ENDPOINT = "https://management.azure.com";
export const DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com";

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function endpoint(name: string, value: string, allowed: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${name} must be an absolute URL, got '${value}'.`);
  }
  if (!allowed.includes(url.protocol)) {
    throw new ConfigurationError(`${name} must use ${allowed.join(" or ")}, got '${value}'.`);
  }
  return url.href.replace(/\/+$/, "");
}

function emulatorUrl(env: ConfigEnv): string {
  const explicit = nonEmpty(env.EMULATOR_URL);
  if (explicit) return endpoint("EMULATOR_URL", explicit, ["http:", "https:"]);
  const rawPort = nonEmpty(env.EMULATOR_PORT);
  const port = rawPort === undefined ? DEFAULT_EMULATOR_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigurationError(`EMULATOR_PORT must be a TCP port (1-65535), got '${rawPort}'.`);
  }
  return `http://127.0.0.1:${port}`;
}

/**
 * Reads the configuration table of DESIGN.md. Without NEXT_PUBLIC_AZURE_CLIENT_ID the dashboard runs against the
 * emulator; ARM and Graph endpoints may still be overridden in both modes.
 */
export function resolveRuntimeConfig(env: ConfigEnv): RuntimeConfig {
  const clientId = nonEmpty(env.NEXT_PUBLIC_AZURE_CLIENT_ID);
  const armOverride = nonEmpty(env.NEXT_PUBLIC_ARM_ENDPOINT);
  const graphOverride = nonEmpty(env.NEXT_PUBLIC_GRAPH_ENDPOINT);

  if (!clientId) {
    const base = emulatorUrl(env);
    return {
      mode: "emulator",
      emulatorUrl: base,
      armEndpoint: armOverride ? endpoint("NEXT_PUBLIC_ARM_ENDPOINT", armOverride, ["http:", "https:"]) : base,
      graphEndpoint: graphOverride ? endpoint("NEXT_PUBLIC_GRAPH_ENDPOINT", graphOverride, ["http:", "https:"]) : base,
    };
  }

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) {
    throw new ConfigurationError(
      `NEXT_PUBLIC_AZURE_CLIENT_ID must be the Application (client) ID GUID of an Entra app registration, got '${clientId}'.`,
    );
  }
  // MSAL refuses a non-https authority, so catch it here with a message that names the variable.
  const authority = endpoint(
    "NEXT_PUBLIC_AZURE_AUTHORITY",
    nonEmpty(env.NEXT_PUBLIC_AZURE_AUTHORITY) ?? DEFAULT_ENTRA_AUTHORITY,
    ["https:"],
  );
  return {
    mode: "entra",
    clientId,
    authority,
    armEndpoint: endpoint("NEXT_PUBLIC_ARM_ENDPOINT", armOverride ?? DEFAULT_ARM_ENDPOINT, ["http:", "https:"]),
    graphEndpoint: endpoint("NEXT_PUBLIC_GRAPH_ENDPOINT", graphOverride ?? DEFAULT_GRAPH_ENDPOINT, ["http:", "https:"]),
  };
}
