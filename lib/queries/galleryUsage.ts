import { queryOptions } from "@tanstack/react-query";
import { publishQueryRoots } from "@/lib/queries/publishQueryRoots";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { limitUsage, type GalleryLimitKind, type LimitUsage } from "@/lib/gallery/limits";
import { normalizeLocation } from "@/lib/gallery/regions";
import { queryResourceGraph } from "@/lib/azure/resourceGraph";

const KIND_OF_TYPE: Record<string, GalleryLimitKind> = {
  "microsoft.compute/galleries": "galleries",
  "microsoft.compute/galleries/images": "imageDefinitions",
  "microsoft.compute/galleries/images/versions": "imageVersions",
};

export const USAGE_QUERY =
  "resources | where type in~ ('microsoft.compute/galleries', 'microsoft.compute/galleries/images', " +
  "'microsoft.compute/galleries/images/versions') | summarize count() by subscriptionId, type, location";

export interface UsageRow {
  subscriptionId: string;
  type: string;
  location: string;
  count_: number;
}

export interface RegionUsage {
  subscriptionId: string;
  location: string;
  usages: Record<GalleryLimitKind, LimitUsage>;
}

function key(subscriptionId: string, location: string): string {
  return `${subscriptionId.toLowerCase()}|${normalizeLocation(location)}`;
}

/** Usage against the service's limits per subscription and region, from Resource Graph's counts. */
export class UsageIndex {
  private readonly counts = new Map<
    string,
    { subscriptionId: string; location: string; counts: Record<GalleryLimitKind, number> }
  >();

  constructor(rows: readonly UsageRow[]) {
    for (const row of rows) {
      const kind = KIND_OF_TYPE[row.type.toLowerCase()];
      if (!kind) continue;
      const k = key(row.subscriptionId, row.location);
      const entry = this.counts.get(k) ?? {
        subscriptionId: row.subscriptionId,
        location: normalizeLocation(row.location),
        counts: { galleries: 0, imageDefinitions: 0, imageVersions: 0 },
      };
      entry.counts[kind] += row.count_;
      this.counts.set(k, entry);
    }
  }

  at(subscriptionId: string, location: string): RegionUsage {
    const entry = this.counts.get(key(subscriptionId, location));
    const counts = entry?.counts ?? { galleries: 0, imageDefinitions: 0, imageVersions: 0 };
    return {
      subscriptionId,
      location: normalizeLocation(location),
      usages: {
        galleries: limitUsage("galleries", counts.galleries),
        imageDefinitions: limitUsage("imageDefinitions", counts.imageDefinitions),
        imageVersions: limitUsage("imageVersions", counts.imageVersions),
      },
    };
  }

  /** Every subscription and region with at least one gallery resource. */
  all(): RegionUsage[] {
    return [...this.counts.values()].map((entry) => this.at(entry.subscriptionId, entry.location));
  }
}

export const usageQueries = {
  all: () => publishQueryRoots.galleryUsage,
  /**
   * Counts are what the caller can read; the quota counts everything in the subscription, so a caller with a
   * narrow role sees a lower bound.
   */
  bySubscriptions: (arm: ArmClients, subscriptionIds: readonly string[]) =>
    queryOptions({
      queryKey: [...usageQueries.all(), [...subscriptionIds].map((s) => s.toLowerCase()).sort()] as const,
      queryFn: async () => {
        try {
          return new UsageIndex(await queryResourceGraph<UsageRow>(arm, subscriptionIds, USAGE_QUERY));
        } catch (error) {
          throw toAzureError(error, "/providers/Microsoft.ResourceGraph/resources");
        }
      },
      enabled: subscriptionIds.length > 0,
    }),
};
