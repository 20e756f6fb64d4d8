import { configFromEnv } from "./config.js";
import { createEmulator } from "./server.js";

/** `npm run emulator`: one process answering as ARM, Entra ID and Microsoft Graph on 127.0.0.1. */
const config = configFromEnv();
const emulator = await createEmulator(config);
console.log(`Gallerist emulator listening on ${emulator.url} (seed: ${config.seed}, data: ${config.dataDir})`);
console.log(`Seeded identities: ${emulator.url}/_emulator/info`);
if (emulator.tls) {
  console.log(
    `HTTPS on ${emulator.tls.url}; trust its CA with REQUESTS_CA_BUNDLE=${emulator.tls.caCertPath} (az, Python) or NODE_EXTRA_CA_CERTS=${emulator.tls.caCertPath} (Node)`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
