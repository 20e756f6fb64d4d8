import { describe, expect, it } from "vitest";
import {
  applyRetention,
  DAY_MS,
  planRetention,
  type RetentionExecutor,
  type RetentionPolicy,
  type RetentionVersion,
} from "./retention";
import { type ImageConsumer, ImageUsage } from "./usage";

const NOW = new Date("2026-06-01T00:00:00Z");
const DEFINITION = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/web";
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

function version(name: string, overrides: Partial<RetentionVersion> = {}): RetentionVersion {
  return {
    id: `${DEFINITION}/versions/${name}`,
    name,
    definitionId: DEFINITION,
    publishedDate: daysAgo(10),
    excludeFromLatest: false,
    blockDeletionBeforeEndOfLife: false,
    regions: [{ name: "eastus", regionalReplicaCount: 1 }],
    latestIn: [],
    sizeGB: 30,
    ...overrides,
  };
}

function vmOn(versionName: string, type: ImageConsumer["type"] = "virtualMachine"): ImageConsumer {
  return {
    id: `/subscriptions/s2/resourceGroups/apps/providers/Microsoft.Compute/${type === "virtualMachine" ? "virtualMachines" : "virtualMachineScaleSets"}/${versionName}-${type}`,
    name: `${versionName}-${type}`,
    type,
    subscriptionId: "s2",
    resourceGroup: "apps",
    location: "eastus",
    form: "id",
    definitionId: DEFINITION,
    versionId: `${DEFINITION}/versions/${versionName}`,
  };
}

const noUsage = new ImageUsage([], 1);

interface Case {
  name: string;
  versions: RetentionVersion[];
  policy: RetentionPolicy;
  consumers?: ImageConsumer[];
  deleted: string[];
  /** For versions kept, the reason codes expected. */
  kept: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    name: "older than D days: only versions published more than D days ago go",
    versions: [version("1.0.0", { publishedDate: daysAgo(100) }), version("1.1.0", { publishedDate: daysAgo(30) })],
    policy: { olderThanDays: 60 },
    deleted: ["1.0.0"],
    kept: { "1.1.0": ["notSelected"] },
  },
  {
    name: "keep newest N overrides age",
    versions: [
      version("1.0.0", { publishedDate: daysAgo(300) }),
      version("1.1.0", { publishedDate: daysAgo(200) }),
      version("1.2.0", { publishedDate: daysAgo(100) }),
    ],
    policy: { olderThanDays: 30, keepNewest: 2 },
    deleted: ["1.0.0"],
    kept: { "1.1.0": ["newest"], "1.2.0": ["newest"] },
  },
  {
    name: "newest is by version name, not publish date",
    versions: [version("2.0.0", { publishedDate: daysAgo(90) }), version("1.9.0", { publishedDate: daysAgo(80) })],
    policy: { olderThanDays: 30, keepNewest: 1 },
    deleted: ["1.9.0"],
    kept: { "2.0.0": ["newest"] },
  },
  {
    name: "latest in any region is never deleted",
    versions: [
      version("1.0.0", { publishedDate: daysAgo(100), latestIn: ["West Europe"] }),
      version("1.1.0", { publishedDate: daysAgo(90), latestIn: ["East US"] }),
    ],
    policy: { olderThanDays: 30 },
    deleted: [],
    kept: { "1.0.0": ["latest"], "1.1.0": ["latest"] },
  },
  {
    name: "a version in use by a VM or a scale set is kept",
    versions: [
      version("1.0.0", { publishedDate: daysAgo(100) }),
      version("1.1.0", { publishedDate: daysAgo(100) }),
      version("1.2.0", { publishedDate: daysAgo(100) }),
    ],
    consumers: [vmOn("1.0.0"), vmOn("1.1.0", "virtualMachineScaleSet")],
    policy: { olderThanDays: 30 },
    deleted: ["1.2.0"],
    kept: { "1.0.0": ["inUse"], "1.1.0": ["inUse"] },
  },
  {
    name: "blockDeletionBeforeEndOfLife protects until the end of life, then no longer",
    versions: [
      version("1.0.0", { publishedDate: daysAgo(100), blockDeletionBeforeEndOfLife: true, endOfLifeDate: daysAgo(-5) }),
      version("1.1.0", { publishedDate: daysAgo(100), blockDeletionBeforeEndOfLife: true }),
      version("1.2.0", { publishedDate: daysAgo(100), blockDeletionBeforeEndOfLife: true, endOfLifeDate: daysAgo(1) }),
    ],
    policy: { olderThanDays: 30 },
    deleted: ["1.2.0"],
    kept: { "1.0.0": ["protected"], "1.1.0": ["protected"] },
  },
  {
    name: "excluded from latest is kept only when the option says so",
    versions: [version("1.0.0", { publishedDate: daysAgo(100), excludeFromLatest: true })],
    policy: { olderThanDays: 30, keepExcludedFromLatest: true },
    deleted: [],
    kept: { "1.0.0": ["excludedFromLatest"] },
  },
  {
    name: "excluded from latest without the option goes like any other",
    versions: [version("1.0.0", { publishedDate: daysAgo(100), excludeFromLatest: true })],
    policy: { olderThanDays: 30 },
    deleted: ["1.0.0"],
    kept: {},
  },
  {
    name: "end of life after D days: only versions whose end of life passed D or more days ago",
    versions: [
      version("1.0.0", { endOfLifeDate: daysAgo(40) }),
      version("1.1.0", { endOfLifeDate: daysAgo(10) }),
      version("1.2.0", { endOfLifeDate: daysAgo(-10) }),
      version("1.3.0"),
    ],
    policy: { endOfLifeAfterDays: 30 },
    deleted: ["1.0.0"],
    kept: { "1.1.0": ["notSelected"], "1.2.0": ["notSelected"], "1.3.0": ["notSelected"] },
  },
  {
    name: "no rule: everything is kept",
    versions: [version("1.0.0", { publishedDate: daysAgo(1000) })],
    policy: { keepNewest: 0 },
    deleted: [],
    kept: { "1.0.0": ["notSelected"] },
  },
  {
    name: "every protection that applies is listed",
    versions: [
      version("1.0.0", {
        publishedDate: daysAgo(100),
        latestIn: ["East US"],
        blockDeletionBeforeEndOfLife: true,
      }),
    ],
    consumers: [vmOn("1.0.0")],
    policy: { olderThanDays: 30, keepNewest: 1 },
    deleted: [],
    kept: { "1.0.0": ["newest", "latest", "inUse", "protected"] },
  },
];

describe("planRetention", () => {
  it.each(CASES)("$name", (c) => {
    const plan = planRetention({
      versions: c.versions,
      usage: c.consumers ? new ImageUsage(c.consumers, 1) : noUsage,
      policy: c.policy,
      now: NOW,
    });
    expect(plan.toDelete.map((d) => d.version.name).sort()).toEqual([...c.deleted].sort());
    for (const [name, reasons] of Object.entries(c.kept)) {
      const decision = plan.decisions.find((d) => d.version.name === name)!;
      expect(decision.action, name).toBe("keep");
      expect(decision.keepReasons.map((r) => r.code)).toEqual(reasons);
    }
    expect(plan.toDelete.length + plan.toKeep.length).toBe(c.versions.length);
  });

  it("keeps the newest N per definition, not across definitions", () => {
    const other = `${DEFINITION}-arm64`;
    const versions = [
      version("1.0.0", { publishedDate: daysAgo(100) }),
      version("1.1.0", { publishedDate: daysAgo(100) }),
      { ...version("1.0.0", { publishedDate: daysAgo(100) }), id: `${other}/versions/1.0.0`, definitionId: other },
    ];
    const plan = planRetention({ versions, usage: noUsage, policy: { olderThanDays: 30, keepNewest: 1 }, now: NOW });
    expect(plan.toDelete.map((d) => d.version.id)).toEqual([`${DEFINITION}/versions/1.0.0`]);
  });

  it("says why a version goes, and counts replicas and storage as regions × replicas × size", () => {
    const plan = planRetention({
      versions: [
        version("1.0.0", {
          publishedDate: daysAgo(100),
          endOfLifeDate: daysAgo(50),
          sizeGB: 40,
          regions: [
            { name: "eastus", regionalReplicaCount: 2 },
            { name: "westeurope", regionalReplicaCount: 3 },
          ],
        }),
        version("1.1.0", { publishedDate: daysAgo(100), sizeGB: 30 }),
      ],
      usage: noUsage,
      policy: { olderThanDays: 60, endOfLifeAfterDays: 30 },
      now: NOW,
    });
    const first = plan.toDelete.find((d) => d.version.name === "1.0.0")!;
    expect(first.deleteReasons.map((r) => r.text)).toEqual([
      "end of life 2026-04-12, 50 days ago (30 or more)",
      "published 2026-02-21, 100 days ago (more than 60)",
    ]);
    expect(first).toMatchObject({ replicas: 5, storageGB: 200 });
    expect(plan.freed).toEqual({ versions: 2, replicas: 6, storageGB: 230 });
  });

  it("a protection that overrides a rule keeps both the rule and the protection", () => {
    const plan = planRetention({
      versions: [version("1.0.0", { publishedDate: daysAgo(100) })],
      usage: new ImageUsage([vmOn("1.0.0"), vmOn("1.0.0", "virtualMachineScaleSet")], 1),
      policy: { olderThanDays: 30 },
      now: NOW,
    });
    const [decision] = plan.decisions;
    expect(decision!.action).toBe("keep");
    expect(decision!.deleteReasons.map((r) => r.code)).toEqual(["olderThan"]);
    expect(decision!.keepReasons[0]!.text).toBe("in use by 1 VM and 1 scale set");
  });
});

describe("applyRetention", () => {
  const plan = planRetention({
    versions: [
      version("1.0.0", { publishedDate: daysAgo(100) }),
      version("1.1.0", { publishedDate: daysAgo(100) }),
      version("1.2.0", { publishedDate: daysAgo(100), latestIn: ["East US"] }),
      version("1.3.0", { publishedDate: daysAgo(1) }),
    ],
    usage: noUsage,
    policy: { olderThanDays: 30 },
    now: NOW,
  });

  function recorder(failOn?: string) {
    const calls: string[] = [];
    const executor: RetentionExecutor = {
      deleteVersion: async (id) => {
        calls.push(`delete ${id.split("/").pop()}`);
        if (failOn && id.endsWith(failOn))
          throw Object.assign(new Error("The resource is busy."), { code: "Conflict" });
      },
      setEndOfLife: async (id, date) => {
        calls.push(`endOfLife ${id.split("/").pop()} ${date.toISOString()}`);
      },
    };
    return { calls, executor };
  }

  it("deletes exactly the plan's versions, reporting each, and carries on past a failure", async () => {
    const { calls, executor } = recorder("1.0.0");
    const progress: string[] = [];
    const outcomes = await applyRetention(plan, executor, {
      action: "delete",
      concurrency: 1,
      onProgress: (o, done, total) => progress.push(`${done}/${total} ${o.name} ${o.status}`),
    });
    // Newest first, as the plan lists them.
    expect(calls).toEqual(["delete 1.1.0", "delete 1.0.0"]);
    expect(progress).toEqual(["1/2 1.1.0 deleted", "2/2 1.0.0 failed"]);
    expect(outcomes[1]).toMatchObject({ status: "failed", error: "Conflict: The resource is busy." });
  });

  it("sets an end of life instead, as the gentler step", async () => {
    const { calls, executor } = recorder();
    const date = new Date("2026-07-01T00:00:00Z");
    await applyRetention(plan, executor, { action: "setEndOfLife", endOfLifeDate: date, concurrency: 1 });
    expect(calls).toEqual([`endOfLife 1.1.0 ${date.toISOString()}`, `endOfLife 1.0.0 ${date.toISOString()}`]);
  });
});
