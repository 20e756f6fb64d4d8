import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import {
  applyRetention,
  type ApplyOptions,
  planRetention,
  type RetentionOutcome,
  type RetentionPlan,
  type RetentionPolicy,
} from "@/lib/lifecycle/retention";
import { armRetentionExecutor, parseRetentionScope, readRetentionInventory } from "@/lib/lifecycle/retentionArm";
import { imageUsageQueries } from "@/lib/queries/imageUsage";
import { invalidateAfterPublish } from "@/lib/queries/publish";

/** A plan, how far its usage counts reach (the subscriptions the user can read), and the galleries it covers. */
export interface RetentionDryRun {
  plan: RetentionPlan;
  subscriptionCount: number;
  galleryIds: string[];
  /** Scope `all`: galleries the user can read but not write, left out. */
  readOnlyGalleryIds: string[];
}

export const retentionQueries = {
  all: () => ["retention"] as const,
  /** The dry run: what the policy would delete and keep in the scope now. Made when asked for, not on page load. */
  plan: (arm: ArmClients, scope: string, policy: RetentionPolicy | undefined) =>
    queryOptions({
      queryKey: [...retentionQueries.all(), scope.toLowerCase(), policy] as const,
      queryFn: async (): Promise<RetentionDryRun> => {
        const parsed = parseRetentionScope(scope);
        if (!parsed) throw new Error(`'${scope}' is not an image definition, gallery or subscription id, or 'all'.`);
        const now = new Date();
        try {
          const inventory = await readRetentionInventory(arm, parsed, { now });
          return {
            plan: planRetention({ ...inventory, policy: policy!, now }),
            subscriptionCount: inventory.usage.subscriptionCount,
            galleryIds: inventory.galleryIds,
            readOnlyGalleryIds: inventory.readOnlyGalleryIds,
          };
        } catch (error) {
          throw toAzureError(error, scope);
        }
      },
      enabled: policy !== undefined,
      // A plan is a snapshot the user reviews; it must not change under them while they read it.
      staleTime: Infinity,
    }),
};

/**
 * Applies a reviewed plan, then refreshes every list, detail and usage count it may have changed. The plan itself
 * stays as reviewed until the user asks for a new dry run.
 */
export async function applyRetentionPlan(
  arm: ArmClients,
  queryClient: QueryClient,
  plan: RetentionPlan,
  options: ApplyOptions,
): Promise<RetentionOutcome[]> {
  const outcomes = await applyRetention(plan, armRetentionExecutor(arm), options);
  await invalidateAfterPublish(queryClient);
  await queryClient.invalidateQueries({ queryKey: imageUsageQueries.all() });
  return outcomes;
}
