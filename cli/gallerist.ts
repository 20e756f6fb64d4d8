import { createArmClients } from "@/lib/azure/clients";
import { defaultCredential } from "./credential";
import { parseRetentionCommand, RETENTION_USAGE, runRetention, UsageError } from "./retention";

/** `gallerist <command>`: the headless side of Gallerist. Only `retention` so far. */

const DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "retention") {
    console.error(RETENTION_USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseRetentionCommand(rest);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${RETENTION_USAGE}`);
    return 2;
  }
  const endpoint = parsed.armEndpoint ?? process.env.ARM_ENDPOINT ?? DEFAULT_ARM_ENDPOINT;
  try {
    const arm = createArmClients(endpoint, await defaultCredential());
    return await runRetention(parsed, arm, {
      out: (text) => console.log(text),
      err: (text) => console.error(text),
      now: () => new Date(),
    });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    console.error(
      error instanceof UsageError ? error.message : `${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
