import type { RegionReplication } from "@/components/versions/replicationView";

/** What a region's replication state means to someone about to deploy a VM there. */
export interface DeployerGuidance {
  headline: string;
  detail: string;
}

export function deployerGuidance(region: RegionReplication): DeployerGuidance {
  switch (region.state) {
    case "Completed":
      return {
        headline: "Usable",
        detail: region.excludeFromLatest
          ? `VMs and scale sets in ${region.displayName} can be created from this exact version; “latest” skips it here because it is excluded from latest.`
          : `VMs and scale sets in ${region.displayName} can be created from this version now.`,
      };
    case "Replicating":
      return {
        headline: `Replicating ${Math.round(region.progress)}%`,
        detail: `Not usable in ${region.displayName} yet: deployments there fail with “not available in region” until replication completes. If it stays replicating for more than six hours, re-run the update of the version.`,
      };
    case "Failed":
      return {
        headline: "Failed",
        detail: region.details
          ? `Replication to ${region.displayName} failed: ${region.details}`
          : `Replication to ${region.displayName} failed.`,
      };
    default:
      return {
        headline: "Unknown",
        detail: `The state of ${region.displayName} is not known yet; deployments there may fail. Read it again in a moment.`,
      };
  }
}
