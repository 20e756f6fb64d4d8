import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { authPolicyFor, configureSdkPipeline, type TokenCredential } from "@/lib/azure/clients";
import { ARM_SCOPE } from "@/lib/azure/wellKnown";

/**
 * The Authorization SDK client (role assignments), on the same pipeline as the Compute clients: authentication,
 * retry policy and error bodies. Its own module so that only the lazily loaded sharing panels bundle the SDK.
 */
export function createAuthorizationClient(
  endpoint: string,
  credential: TokenCredential,
  subscriptionId: string,
): AuthorizationManagementClient {
  const insecure = authPolicyFor(endpoint) === "loopback-bearer";
  const client = new AuthorizationManagementClient(credential, subscriptionId, {
    endpoint,
    credentialScopes: [ARM_SCOPE],
    allowInsecureConnection: insecure,
  });
  configureSdkPipeline(client.pipeline, endpoint, credential, insecure);
  return client;
}
