import { NextResponse, type NextRequest } from "next/server";
import { ConfigurationError, resolveRuntimeConfig } from "@/lib/azure/runtimeConfig";
import { allowedOrigins, contentSecurityPolicy, createNonce, type AllowedOrigins } from "@/lib/security/csp";
import { REDIRECT_PATH } from "@/lib/auth/msalConfig";

function originsFromEnvironment(): AllowedOrigins | undefined {
  try {
    return allowedOrigins(resolveRuntimeConfig(process.env));
  } catch (error) {
    // The portal layout shows the configuration error; until it is fixed the page may talk to nobody.
    if (error instanceof ConfigurationError) return undefined;
    throw error;
  }
}

/**
 * Every page gets a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's CSP
 * header while rendering and puts it on its own scripts, which is why the header goes on the request as well.
 * Pages must render per request for this (the root layout awaits `connection()`).
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    origins: originsFromEnvironment(),
    development: process.env.NODE_ENV === "development",
    frameableBySelf: request.nextUrl.pathname === REDIRECT_PATH,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Belt and braces for browsers that predate frame-ancestors, and no MIME sniffing of Azure text.
  response.headers.set("X-Frame-Options", request.nextUrl.pathname === REDIRECT_PATH ? "SAMEORIGIN" : "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

export const config = {
  matcher: [
    {
      // Hashed static assets carry no markup; prefetches are RSC payloads, not documents.
      source: "/((?!_next/static|_next/image|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
