import type { FastifyInstance } from "fastify";
import type { EmulatorContext } from "../context.js";
import { originOf } from "../http.js";
import { issuerFor } from "./issue.js";

/**
 * Entra ID's OpenID Connect endpoints under `/{tenant}/...`, where {tenant} is a tenant id or `organizations`
 * / `common`.
 */
export function registerIdentity(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { tenant: string } }>("/:tenant/v2.0/.well-known/openid-configuration", async (req) => {
    const base = `${originOf(req)}/${req.params.tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: issuerFor(originOf(req), req.params.tenant),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${originOf(req)}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
      tenant_region_scope: "NA",
      cloud_instance_name: "emulator.local",
      cloud_graph_host_name: "graph.emulator.local",
      msgraph_host: "graph.emulator.local",
    };
  });

  app.get("/:tenant/discovery/v2.0/keys", async () => ctx.tokens.jwks());
}
