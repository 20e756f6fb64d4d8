import { type Server, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { ensureTlsMaterial } from "./certificates.js";
import { acceptConnectTunnels } from "./connectProxy.js";

export interface TlsListener {
  /** https://host:port once listening. */
  url: string;
  /** The CA to trust: REQUESTS_CA_BUNDLE for the Azure CLI and Python SDKs, NODE_EXTRA_CA_CERTS for Node. */
  caCertPath: string;
  close(): Promise<void>;
}

/**
 * Serves the same Fastify app over HTTPS beside its http listener: `app.routing` is the handler Fastify's own
 * server runs, so both ports share every route, hook and all state, and `req.protocol` says which was used.
 * The http port also becomes a CONNECT proxy into this listener, for the Azure CLI (see connectProxy.ts).
 * The app must be ready (listening) first.
 */
export async function listenTls(
  app: FastifyInstance,
  dataDir: string,
  host: string,
  port: number,
): Promise<TlsListener> {
  const material = ensureTlsMaterial(dataDir);
  const server: Server = createServer({ key: material.key, cert: material.cert }, (req, res) => app.routing(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  acceptConnectTunnels(app.server, server);
  const address = server.address() as AddressInfo;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;
  return {
    url: `https://${hostInUrl}:${address.port}`,
    caCertPath: material.files.caCertPath,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections of clients (the SDK, az) would hold close() open otherwise.
        server.closeAllConnections();
      }),
  };
}
