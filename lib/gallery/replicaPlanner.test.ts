import { describe, expect, it } from "vitest";
import { planReplicas, recommendReplicas } from "./replicaPlanner";

describe("replica planner", () => {
  it("recommends one replica per 20 concurrent VMs", () => {
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 120 }).replicas).toBe(6);
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 121 }).replicas).toBe(7);
  });

  it("recommends one replica per scale set deployment of up to 600 instances", () => {
    expect(recommendReplicas({ region: "westeurope", scaleSetInstances: [600, 600, 600, 600, 600] }).replicas).toBe(5);
    expect(recommendReplicas({ region: "westeurope", scaleSetInstances: [1000] }).replicas).toBe(2);
  });

  it("takes the larger need, at least 1 and at most 100", () => {
    expect(
      recommendReplicas({ region: "westeurope", concurrentVMs: 40, scaleSetInstances: [600, 600, 600] }),
    ).toMatchObject({ replicas: 3, forVMs: 2, forScaleSets: 3 });
    expect(recommendReplicas({ region: "westeurope" })).toMatchObject({ replicas: 1, capped: false });
    expect(recommendReplicas({ region: "westeurope", concurrentVMs: 5000 })).toMatchObject({
      replicas: 100,
      forVMs: 250,
      capped: true,
    });
  });

  it("sums the storage footprint over regions", () => {
    const plan = planReplicas(
      [{ region: "westeurope", concurrentVMs: 120 }, { region: "eastus", concurrentVMs: 10 }, { region: "uksouth" }],
      30,
    );
    expect(plan.regions.map((region) => region.replicas)).toEqual([6, 1, 1]);
    expect(plan).toMatchObject({ totalReplicas: 8, storageGB: 240 });
  });
});
