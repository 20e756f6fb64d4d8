import type { OperationState, PollerLike } from "@azure/core-lro";
import type { ArmClients } from "@/lib/azure/clients";
import type { GalleryPath } from "@/lib/azure/routeParams";

/**
 * The publish operations' shared parts: what a long-running ARM write returns, how often it is polled, and the
 * Compute client of the subscription a gallery path names. Each resource's writes live in its own query module.
 */

/** A long-running ARM operation as the SDK returns it: awaiting `submitted()` throws ARM's 4xx. */
export type Operation<T> = PollerLike<OperationState<T>, T>;

/** The emulator finishes gallery operations in seconds; poll often enough that progress is visible. */
export const POLL = { updateIntervalInMs: 1_000 } as const;

export type Tags = Record<string, string>;

export function isoDateAsDate(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

export function computeOf(arm: ArmClients, path: GalleryPath) {
  return arm.compute(path.subscriptionId);
}
