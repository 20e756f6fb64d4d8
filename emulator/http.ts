import type { FastifyRequest } from "fastify";

/** scheme://host:port the client used, so Location, nextLink and issuer URLs work on any port and on TLS. */
export function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? req.hostname}`;
}

/** Any localhost origin may call, as the dashboard and the tests run on ports chosen at run time. */
export function isLocalOrigin(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);
    return (protocol === "http:" || protocol === "https:") && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
  } catch {
    return false;
  }
}
