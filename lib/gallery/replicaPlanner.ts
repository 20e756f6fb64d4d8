import { MAX_REPLICA_COUNT, MIN_REPLICA_COUNT } from "./galleryImageVersion";

/** The seed's guidance: one replica per 20 VMs created at the same time… */
export const VMS_PER_REPLICA = 20;
/** …and one replica per scale set deployment of up to 600 instances. */
export const SCALE_SET_INSTANCES_PER_REPLICA = 600;

export interface RegionalDemand {
  region: string;
  /** VMs created at the same time in the region. */
  concurrentVMs?: number;
  /** Instance counts of the scale sets deployed at the same time in the region. */
  scaleSetInstances?: number[];
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
  const forScaleSets = (demand.scaleSetInstances ?? []).reduce(
    (total, instances) => total + Math.ceil(Math.max(0, instances) / SCALE_SET_INSTANCES_PER_REPLICA),
    0,
  );
  const wanted = Math.max(forVMs, forScaleSets, MIN_REPLICA_COUNT);
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
