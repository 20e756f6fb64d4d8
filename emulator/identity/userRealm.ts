import type { FastifyInstance } from "fastify";
import type { EmulatorContext } from "../context.js";

/**
 * Home realm discovery, which MSAL calls before a password sign-in (`az login -u ... -p ...`) to learn whether
 * the user's domain is federated (WS-Trust) or managed (the password grant). Every tenant of the emulator is
 * managed; a domain it does not know is `Unknown`, as Entra answers, and MSAL then tries the password grant.
 */
export function registerUserRealm(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { username: string } }>("/common/userrealm/:username", async (req) => {
    const domain = req.params.username.split("@")[1]?.toLowerCase();
    const tenant = domain ? ctx.directory.tenants().find((t) => t.defaultDomain.toLowerCase() === domain) : undefined;
    if (!tenant) return { ver: "1.0", account_type: "Unknown", cloud_instance_name: "microsoftonline.com" };
    return {
      ver: "1.0",
      account_type: "Managed",
      domain_name: tenant.defaultDomain,
      cloud_instance_name: "microsoftonline.com",
      cloud_audience_urn: "urn:federation:MicrosoftOnline",
    };
  });
}
