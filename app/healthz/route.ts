import { connection } from "next/server";
import packageJson from "@/package.json";
import { ConfigurationError, resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";

/**
 * The container's health probe (Dockerfile HEALTHCHECK, Container Apps and App Service probes): no sign-in, since
 * the server holds no user data; never cached, since a cached answer would vouch for a server that is gone. A
 * server whose configuration the portal would refuse answers 503, so a bad deployment is not taken into rotation;
 * `mode` shows whether it signs in with Entra ID or the emulator.
 */
export async function GET() {
  await connection();
  const headers = { "Cache-Control": "no-store" };
  try {
    const { mode } = resolveRuntimeConfig(process.env);
    return Response.json({ status: "ok", version: packageJson.version, mode }, { headers });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return Response.json(
      { status: "misconfigured", version: packageJson.version, error: error.message },
      { status: 503, headers },
    );
  }
}
