import { MAX_REPLICA_COUNT, MIN_REPLICA_COUNT } from "./galleryImageVersion";

/**
 * Microsoft's guidance on replicas per region, as the "Scaling" section of "Store and share resources in Azure
 * Compute Gallery" words it today: one replica per 50 VMs created at the same time, and one per scale set created at
 * the same time. Until 2023 the same section said one replica per 20 VMs (the 2019 Shared Image Gallery guidance,
 * which also counted one replica per scale set of up to 600 instances); the page's "Best practices" still repeats
 * the 20 and asks for at least 3 replicas for production images.
 */
export const REPLICA_GUIDANCE = {
  vmsPerReplica: 50,
  previousVmsPerReplica: 20,
  replicasPerScaleSet: 1,
  productionMinimum: 3,
  source: "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#scaling",
  sourceTitle: "Store and share resources in Azure Compute Gallery: Scaling",
} as const;

export const VMS_PER_REPLICA = REPLICA_GUIDANCE.vmsPerReplica;

export interface RegionalDemand {
  region: string;
  /** VMs created at the same time in the region. */
  concurrentVMs?: number;
  /** Scale sets created at the same time in the region. */
  concurrentScaleSets?: number;
  /** A production image: at least REPLICA_GUIDANCE.productionMinimum replicas. */
  production?: boolean;
}

export interface ReplicaRecommendation {
  region: string;
  replicas: number;
  forVMs: number;
  forScaleSets: number;
  /** True when the demand asks for more than the service's maximum and the recommendation was capped. */
  capped: boolean;
}

export interface ReplicaPlan {
  regions: ReplicaRecommendation[];
  totalReplicas: number;
  /** Every replica is a full copy: replicas summed over regions × image size. */
  storageGB: number;
}

export function recommendReplicas(demand: RegionalDemand): ReplicaRecommendation {
  const forVMs = Math.ceil(Math.max(0, demand.concurrentVMs ?? 0) / VMS_PER_REPLICA);
  const forScaleSets = Math.max(0, Math.floor(demand.concurrentScaleSets ?? 0)) * REPLICA_GUIDANCE.replicasPerScaleSet;
  const floor = demand.production ? REPLICA_GUIDANCE.productionMinimum : MIN_REPLICA_COUNT;
  const wanted = Math.max(forVMs, forScaleSets, floor);
  return {
    region: demand.region,
    replicas: Math.min(wanted, MAX_REPLICA_COUNT),
    forVMs,
    forScaleSets,
    capped: wanted > MAX_REPLICA_COUNT,
  };
}

export function planReplicas(demands: readonly RegionalDemand[], imageSizeGB: number): ReplicaPlan {
  const regions = demands.map(recommendReplicas);
  const totalReplicas = regions.reduce((total, region) => total + region.replicas, 0);
  return { regions, totalReplicas, storageGB: totalReplicas * imageSizeGB };
}
