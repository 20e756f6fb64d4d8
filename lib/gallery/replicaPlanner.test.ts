import { describe, expect, it } from "vitest";
import { planReplicas, recommendReplicas, REPLICA_GUIDANCE } from "./replicaPlanner";

describe("replica planner", () => {
  it("recommends one replica per 50 concurrent VMs, the current guidance (it was 20)", () => {
    expect(REPLICA_GUIDANCE).toMatchObject({ vmsPerReplica: 50, previousVmsPerReplica: 20 });
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 500 }).replicas).toBe(10);
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 501 }).replicas).toBe(11);
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 120 }).replicas).toBe(3);
  });

  it("recommends one replica per scale set created at the same time, whatever its size", () => {
    expect(recommendReplicas({ region: "westeurope", concurrentScaleSets: 5 }).replicas).toBe(5);
    expect(recommendReplicas({ region: "westeurope", concurrentScaleSets: 1 }).replicas).toBe(1);
  });

  it("takes the larger need, at least 1 (3 for a production image) and at most 100", () => {
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 100, concurrentScaleSets: 3 })).toMatchObject({
      replicas: 3,
      forVMs: 2,
      forScaleSets: 3,
    });
    expect(recommendReplicas({ region: "westeurope" })).toMatchObject({ replicas: 1, capped: false });
    expect(recommendReplicas({ region: "westeurope", production: true }).replicas).toBe(3);
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 400, production: true }).replicas).toBe(8);
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 6000 })).toMatchObject({
      replicas: 100,
      forVMs: 120,
      capped: true,
    });
  });

  it("sums the storage footprint over regions", () => {
    const plan = planReplicas(
      [{ region: "westeurope", concurrentVMs: 300 }, { region: "eastus", concurrentVMs: 10 }, { region: "uksouth" }],
      30,
    );
    expect(plan.regions.map((region) => region.replicas)).toEqual([6, 1, 1]);
    expect(plan).toMatchObject({ totalReplicas: 8, storageGB: 240 });
  });
});
