#!/usr/bin/env node
// `npx gallerist …`: the CLI is TypeScript, run through tsx (a dependency) as the emulator is. The repository's
// tsconfig is named so its `@/` paths resolve from any working directory.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../cli/gallerist.ts");
