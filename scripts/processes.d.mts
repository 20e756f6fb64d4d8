import type { ChildProcess, SpawnOptions } from "node:child_process";

export declare const ROOT: string;
export declare const STANDALONE_DIR: string;
export declare function completeStandalone(): void;
export declare function buildIsStale(): boolean;
export declare function run(command: string, args: string[], options?: SpawnOptions): Promise<void>;
export declare function ensureBuild(log?: (message: string) => void): Promise<boolean>;
export declare function freePort(): Promise<number>;
export declare function waitForHttp(
  url: string,
  options?: { timeoutMs?: number; child?: ChildProcess; name?: string },
): Promise<void>;
export declare function startEmulator(options: {
  port: number;
  dataDir: string;
  seed?: string;
  stdio?: SpawnOptions["stdio"];
  env?: Record<string, string>;
}): ChildProcess;
export declare function startNext(options: {
  mode: "dev" | "start";
  port: number;
  emulatorPort?: number;
  stdio?: SpawnOptions["stdio"];
  env?: Record<string, string>;
}): ChildProcess;
export declare function stopChild(child: ChildProcess | undefined, graceMs?: number): Promise<void>;
