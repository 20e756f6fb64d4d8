import type { FastifyInstance, FastifyReply } from "fastify";
import type { EmulatorContext } from "../context.js";
import { isLocalOrigin, originOf } from "../http.js";
import { authorizeGet, authorizePost } from "./authorize.js";
import { EntraError } from "./entraErrors.js";
import { GrantStore } from "./grants.js";
import { issuerFor } from "./issue.js";
import { signedOutPage } from "./pages.js";
import { endSessions } from "./session.js";
import { resolveTenantSegment } from "./tenancy.js";
import { tokenEndpoint } from "./token.js";
import { registerUserRealm } from "./userRealm.js";

function sendEntraError(reply: FastifyReply, error: EntraError) {
  return reply.code(error.status).type("application/json; charset=utf-8").send(JSON.stringify(error.toBody()));
}

/**
 * Entra ID's OpenID Connect endpoints under `/{tenant}/...`, where {tenant} is a tenant id or domain, or
 * `organizations` / `common`.
 */
export function registerIdentity(app: FastifyInstance, ctx: EmulatorContext): void {
  const grants = new GrantStore(ctx.db);

  app.get<{ Params: { tenant: string } }>("/:tenant/v2.0/.well-known/openid-configuration", async (req, reply) => {
    let audience;
    try {
      audience = resolveTenantSegment(ctx, req.params.tenant);
    } catch (e) {
      if (e instanceof EntraError) return sendEntraError(reply, e);
      throw e;
    }
    const origin = originOf(req);
    const base = `${origin}/${req.params.tenant}`;
    // For organizations and common Entra leaves the issuer as a template the client fills with the token's tid.
    const issuer = issuerFor(origin, audience.kind === "tenant" ? audience.tenant.tenantId : "{tenantid}");
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        "sub",
        "iss",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "acr",
        "nonce",
        "preferred_username",
        "name",
        "tid",
        "ver",
        "at_hash",
        "c_hash",
        "email",
      ],
      tenant_region_scope: "NA",
      cloud_instance_name: "emulator.local",
      cloud_graph_host_name: "graph.emulator.local",
      msgraph_host: "graph.emulator.local",
    };
  });

  app.get("/:tenant/discovery/v2.0/keys", async () => ctx.tokens.jwks());
  registerUserRealm(app, ctx);

  /**
   * Instance discovery, which MSAL (msal-python for `az`) calls before trusting an authority: the emulator's
   * host is the one alias, and tenant discovery points at its own metadata.
   */
  app.get<{ Querystring: { authorization_endpoint?: string } }>("/common/discovery/instance", async (req) => {
    const origin = originOf(req);
    const host = new URL(origin).host;
    let tenant = "common";
    try {
      tenant = new URL(req.query.authorization_endpoint ?? "").pathname.split("/").filter(Boolean)[0] ?? "common";
    } catch {
      // No or unparsable authorization_endpoint: Entra answers for `common`.
    }
    return {
      tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    };
  });

  app.get("/:tenant/oauth2/v2.0/authorize", authorizeGet(ctx, grants));
  app.post("/:tenant/oauth2/v2.0/authorize", authorizePost(ctx, grants));
  app.post("/:tenant/oauth2/v2.0/token", tokenEndpoint(ctx, grants));

  /** Ends every session of the browser and returns to the app (loopback URIs only), or shows a signed-out page. */
  app.get<{ Querystring: { post_logout_redirect_uri?: string; state?: string } }>(
    "/:tenant/oauth2/v2.0/logout",
    async (req, reply) => {
      endSessions(req, reply);
      const target = req.query.post_logout_redirect_uri;
      if (target && isLocalOrigin(target)) {
        const url = new URL(target);
        if (req.query.state) url.searchParams.set("state", req.query.state);
        return reply.redirect(url.toString(), 302);
      }
      return reply.type("text/html; charset=utf-8").send(signedOutPage());
    },
  );
}
