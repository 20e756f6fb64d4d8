import { DEMO_DEFINITIONS, type DemoDefinition, type DemoReleasePlan, demoGallery } from "./demoData.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** One image version of the demo catalogue, with its times relative to the moment of seeding. */
export interface DemoVersion {
  gallery: string;
  definition: string;
  name: string;
  /** The source region: the gallery's location. */
  location: string;
  /** Every target region, the source region first. */
  targetRegions: { name: string; excludeFromLatest: boolean; regionalReplicaCount?: number }[];
  replicaCount?: number;
  excludeFromLatest: boolean;
  /** How long before seeding the version was published (its replication started). */
  publishedAgoMs: number;
  /** Relative to seeding; negative when the end of life has passed. */
  endOfLifeInMs?: number;
  dataDiskGB?: number;
}

/** The name that follows `name` in a plan's numbering. */
export function nextVersionName(name: string, step: DemoReleasePlan["step"], everyDays: number): string {
  const [major, minor, patch] = name.split(".").map(Number) as [number, number, number];
  switch (step) {
    case "patch":
      return `${major}.${minor}.${patch + 1}`;
    case "minor":
      return `${major}.${minor + 1}.0`;
    case "month": {
      const months = major * 12 + (minor - 1) + Math.max(1, Math.round(everyDays / 30));
      return `${Math.floor(months / 12)}.${(months % 12) + 1}.0`;
    }
  }
}

/** The versions a definition's release plan describes, oldest first. */
export function expandReleasePlan(definition: DemoDefinition): DemoVersion[] {
  const plan = definition.versions;
  if (!plan) return [];
  const { location } = demoGallery(definition.gallery);
  const names = [plan.first];
  while (names.length < plan.count) names.push(nextVersionName(names.at(-1)!, plan.step, plan.everyDays));
  for (const twisted of Object.keys(plan.twists ?? {})) {
    if (!names.includes(twisted))
      throw new Error(`Demo definition '${definition.name}' has a twist for unknown version '${twisted}'.`);
  }

  return names.map((name, index) => {
    const twist = plan.twists?.[name] ?? {};
    const age = plan.count - 1 - index;
    const wide = age < plan.wide;
    const others = twist.replicateTo ?? (wide ? plan.replicateTo : []);
    const publishedAgoMs =
      twist.startedMinutesAgo !== undefined
        ? twist.startedMinutesAgo * MINUTE_MS
        : (plan.newestDaysAgo + age * plan.everyDays) * DAY_MS;
    return {
      gallery: definition.gallery,
      definition: definition.name,
      name,
      location,
      targetRegions: [location, ...others].map((region) => ({
        name: region,
        excludeFromLatest: twist.excludeFromLatestIn?.includes(region) ?? false,
        ...(twist.regionalReplicaCount !== undefined ? { regionalReplicaCount: twist.regionalReplicaCount } : {}),
      })),
      ...(plan.replicaCount !== undefined ? { replicaCount: plan.replicaCount } : {}),
      excludeFromLatest: twist.excludeFromLatest ?? false,
      publishedAgoMs,
      ...(plan.endOfLifeAfterDays !== undefined
        ? { endOfLifeInMs: plan.endOfLifeAfterDays * DAY_MS - publishedAgoMs }
        : {}),
      ...(twist.dataDiskGB !== undefined ? { dataDiskGB: twist.dataDiskGB } : {}),
    };
  });
}

/** Every version of the demo catalogue. */
export function demoVersions(): DemoVersion[] {
  return DEMO_DEFINITIONS.flatMap(expandReleasePlan);
}
