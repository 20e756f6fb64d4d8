// The Azure SDK for JS as an application uses it: default pipeline (its own bearerTokenAuthenticationPolicy,
// which refuses plain http), trusting the emulator's CA only through NODE_EXTRA_CA_CERTS. A separate process,
// because Node reads NODE_EXTRA_CA_CERTS once, at startup. Prints one JSON line; exits 1 with the error.
import { ComputeManagementClient } from "@azure/arm-compute";
import { ResourceManagementClient } from "@azure/arm-resources";

const { ARM_ENDPOINT, TOKEN_ENDPOINT, TENANT_ID, CLIENT_ID, CLIENT_SECRET, SUBSCRIPTION_ID } = process.env;

/** Client credentials, as @azure/identity's ClientSecretCredential sends them to Entra ID. */
const credential = {
  async getToken(scopes) {
    const response = await fetch(`${TOKEN_ENDPOINT}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        scope: [scopes].flat().join(" "),
      }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`${body.error}: ${body.error_description}`);
    return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
  },
};

// The token audience ARM expects, as a sovereign cloud's metadata names it; the endpoint alone would make the
// SDK ask for `${endpoint}/.default`.
const options = { endpoint: ARM_ENDPOINT, credentialScopes: ["https://management.azure.com/.default"] };

try {
  const resources = new ResourceManagementClient(credential, SUBSCRIPTION_ID, options);
  await resources.resourceGroups.createOrUpdate("rg-tls", { location: "westeurope" });
  const compute = new ComputeManagementClient(credential, SUBSCRIPTION_ID, options);
  const gallery = await compute.galleries.beginCreateOrUpdateAndWait(
    "rg-tls",
    "tls_gallery",
    { location: "westeurope", description: "created over TLS" },
    { updateIntervalInMs: 10 },
  );
  const listed = [];
  for await (const g of compute.galleries.list()) listed.push(g.id);
  console.log(
    JSON.stringify({
      gallery: { id: gallery.id, provisioningState: gallery.provisioningState, description: gallery.description },
      listed,
      policies: compute.pipeline.getOrderedPolicies().map((p) => p.name),
    }),
  );
} catch (e) {
  // fetch reports network and TLS failures as "fetch failed" with the reason in `cause`.
  const cause = e?.cause?.message ? `: ${e.cause.message}` : "";
  console.error(
    JSON.stringify({ name: e?.name, code: e?.code ?? e?.cause?.code, message: `${e?.message ?? e}${cause}` }),
  );
  process.exit(1);
}
