import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Duplex } from "node:stream";

/**
 * The host msal-python (the Azure CLI's MSAL) always asks for instance discovery, whatever the authority: it
 * has no switch for that in the version Debian ships with `az` 2.45, so the emulator must answer there.
 */
export const INSTANCE_DISCOVERY_HOST = "login.microsoftonline.com";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** `host:port` of a CONNECT request, or undefined when it is not one. */
export function connectTarget(authority: string | undefined): { host: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+):(\d{1,5})$/i.exec(authority ?? "");
  if (!m) return undefined;
  const port = Number(m[2]);
  return port > 0 && port < 65536 ? { host: m[1]!.toLowerCase(), port } : undefined;
}

/** Loopback hosts on any port (the CLI reaches the emulator, and msal's user realm call drops the port), and msal's instance discovery host on 443. */
export function tunnelsToEmulator(target: { host: string; port: number }): boolean {
  return LOOPBACK_HOSTS.has(target.host) || (target.host === INSTANCE_DISCOVERY_HOST && target.port === 443);
}

/**
 * Makes the emulator's http port an HTTPS proxy (CONNECT only) that leads to the emulator's own TLS listener,
 * for clients started with `HTTPS_PROXY=http://127.0.0.1:<http port>`. msal-python calls
 * login.microsoftonline.com for instance discovery and `https://<host>/` without the port for user realm
 * discovery; through the tunnel both reach the emulator. Nothing else is reachable through it.
 */
export function acceptConnectTunnels(httpServer: HttpServer, tlsServer: HttpsServer): void {
  httpServer.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = connectTarget(req.url);
    if (!target || !tunnelsToEmulator(target)) {
      const message = `The Gallerist emulator tunnels only to itself (loopback hosts and ${INSTANCE_DISCOVERY_HOST}:443), not to '${req.url}'.`;
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
      );
      return;
    }
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    tlsServer.emit("connection", socket);
  });
}
