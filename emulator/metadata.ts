import type { FastifyInstance, FastifyRequest } from "fastify";
import { ArmErrors } from "./errors.js";
import { originOf } from "./http.js";

/** The cloud's name in its metadata; `az cloud register -n` may call it anything. */
export const EMULATOR_CLOUD_NAME = "GalleristEmulator";

/**
 * The ARM token audiences, classic first: clients (the Azure CLI) take `audiences[0]` as the resource to ask
 * tokens for, and the emulator's ARM accepts both, as Azure's does.
 */
const AUDIENCES = ["https://management.core.windows.net/", "https://management.azure.com/"];

/** Azure AD Graph's audience. It is retired and not emulated, but clients still require it to be named. */
const AAD_GRAPH = "https://graph.windows.net/";

/** From this version on, ARM answers with an array of clouds; before it, with one legacy-shaped object. */
const FIRST_ARRAY_API_VERSION = "2019-05-01";

/**
 * DNS suffixes of data-plane services. The emulator answers none of them; clients still expect the keys,
 * so they keep Azure's public values.
 */
const SUFFIXES = {
  acrLoginServer: "azurecr.io",
  keyVaultDns: "vault.azure.net",
  mhsmDns: "managedhsm.azure.net",
  storage: "core.windows.net",
  sqlServerHostname: "database.windows.net",
  attestationEndpoint: "attest.azure.net",
  synapseAnalytics: "dev.azuresynapse.net",
};

/** One cloud in the shape of `GET https://management.azure.com/metadata/endpoints?api-version=2022-09-01`. */
export function cloudMetadata(origin: string) {
  const base = `${origin}/`;
  return {
    name: EMULATOR_CLOUD_NAME,
    resourceManager: base,
    authentication: {
      loginEndpoint: base,
      audiences: AUDIENCES,
      tenant: "common",
      identityProvider: "AAD",
    },
    graph: AAD_GRAPH,
    graphAudience: AAD_GRAPH,
    microsoftGraphResourceId: base,
    suffixes: SUFFIXES,
  };
}

/** The pre-2019 shape, which msrestazure (and so `az cloud register --endpoint-resource-manager`) still asks for. */
export function legacyCloudMetadata(origin: string) {
  return {
    galleryEndpoint: `${origin}/`,
    graphEndpoint: AAD_GRAPH,
    authentication: { loginEndpoint: `${origin}/`, audiences: AUDIENCES },
  };
}

function apiVersionOf(req: FastifyRequest): string | undefined {
  const entry = Object.entries(req.query as Record<string, unknown>).find(([k]) => k.toLowerCase() === "api-version");
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}

/**
 * Azure's cloud metadata endpoint, answered without a token as Azure does, so `az cloud register` and SDK
 * cloud settings can discover the emulator from its ARM URL. Every endpoint is the origin the client used,
 * so it is right on the http and the https port alike.
 */
export function registerCloudMetadata(app: FastifyInstance): void {
  app.get("/metadata/endpoints", async (req, reply) => {
    const apiVersion = apiVersionOf(req);
    if (!apiVersion) throw ArmErrors.missingApiVersion();
    const origin = originOf(req);
    const body = apiVersion >= FIRST_ARRAY_API_VERSION ? [cloudMetadata(origin)] : legacyCloudMetadata(origin);
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
  });
}
