import type { Clock } from "../clock.js";
import { createGallery } from "../compute/galleries/galleries.model.js";
import { createGalleryImage } from "../compute/galleryImages/galleryImages.model.js";
import { createGalleryImageVersion } from "../compute/galleryImageVersions/galleryImageVersions.model.js";
import type { EmulatorContext } from "../context.js";
import { DEMO_DEFINITIONS, DEMO_GALLERIES, type DemoDefinition, demoGallery, demoSubscriptionId } from "./demoData.js";
import { seedDemoSources } from "./demoSources.js";
import { type DemoVersion, expandReleasePlan } from "./demoVersions.js";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The catalogue was published with an api-version from before 2025-03-03: its definitions keep the generation they
 * state and no SecurityType, its versions Standard_LRS, as the e2e specs and the consumer views expect. Newer
 * defaults are shown by definitions and versions created through the dashboard (which sends 2025-12-03).
 */
const DEMO_CATALOGUE_API_VERSION = "2024-03-03";

/** Definitions and galleries read as created this long before their oldest version. */
const CREATED_BEFORE_FIRST_VERSION_MS = 7 * DAY_MS;
const DEFINITION_WITHOUT_VERSIONS_AGE_MS = 14 * DAY_MS;

/**
 * The context a seeded write runs in: the emulator's own, with the clock standing at `at` and operations that
 * finish at once. Writes are validated as the service validated them when they were made, so a definition whose
 * end of life has passed since is created before that date, as it was in its history, not refused.
 */
export function asOf(ctx: EmulatorContext, at: number): EmulatorContext {
  const clock: Clock = { now: () => at, advance: () => at, speed: ctx.clock.speed };
  return { ...ctx, clock, config: { ...ctx.config, lroSeconds: 0 } };
}

/** When a definition was created, relative to seeding: a week before its first version. */
export function definitionAgeMs(definition: DemoDefinition): number {
  const oldest = expandReleasePlan(definition)[0];
  return oldest ? oldest.publishedAgoMs + CREATED_BEFORE_FIRST_VERSION_MS : DEFINITION_WITHOUT_VERSIONS_AGE_MS;
}

function definitionProperties(d: DemoDefinition, seededAt: number): Record<string, unknown> {
  return {
    identifier: { publisher: d.publisher, offer: d.offer, sku: d.sku },
    osType: d.osType,
    osState: d.osState,
    hyperVGeneration: d.hyperVGeneration,
    architecture: d.architecture,
    description: d.description,
    ...(d.eula ? { eula: d.eula } : {}),
    ...(d.privacyStatementUri ? { privacyStatementUri: d.privacyStatementUri } : {}),
    ...(d.releaseNoteUri ? { releaseNoteUri: d.releaseNoteUri } : {}),
    ...(d.endOfLifeDays !== undefined
      ? { endOfLifeDate: new Date(seededAt + d.endOfLifeDays * DAY_MS).toISOString() }
      : {}),
    recommended: { vCPUs: { min: d.vCPUs[0], max: d.vCPUs[1] }, memory: { min: d.memoryGB[0], max: d.memoryGB[1] } },
    ...(d.disallowedDiskTypes ? { disallowed: { diskTypes: d.disallowedDiskTypes } } : {}),
    ...(d.trustedLaunch ? { features: [{ name: "SecurityType", value: "TrustedLaunch" }] } : {}),
  };
}

/** The 8 galleries and 40 image definitions, through the same model functions as the ARM handlers. */
export function seedDemoGalleriesAndDefinitions(ctx: EmulatorContext, seededAt: number): void {
  for (const g of DEMO_GALLERIES) {
    const definitions = DEMO_DEFINITIONS.filter((d) => d.gallery === g.name);
    const ageMs = Math.max(...definitions.map(definitionAgeMs)) + DAY_MS;
    createGallery(asOf(ctx, seededAt - ageMs), {
      subscriptionId: demoSubscriptionId(g.subscription),
      resourceGroup: g.resourceGroup,
      gallery: g.name,
      location: g.location,
      description: g.description,
      ...(g.tags ? { tags: g.tags } : {}),
    });
  }
  for (const d of DEMO_DEFINITIONS) {
    const g = demoGallery(d.gallery);
    createGalleryImage(asOf(ctx, seededAt - definitionAgeMs(d)), {
      subscriptionId: demoSubscriptionId(g.subscription),
      resourceGroup: g.resourceGroup,
      gallery: g.name,
      image: d.name,
      properties: definitionProperties(d, seededAt),
      apiVersion: DEMO_CATALOGUE_API_VERSION,
    });
  }
}

function versionProperties(
  v: DemoVersion,
  storageProfile: Record<string, unknown>,
  seededAt: number,
): Record<string, unknown> {
  return {
    publishingProfile: {
      targetRegions: v.targetRegions,
      ...(v.replicaCount !== undefined ? { replicaCount: v.replicaCount } : {}),
      excludeFromLatest: v.excludeFromLatest,
      ...(v.endOfLifeInMs !== undefined ? { endOfLifeDate: new Date(seededAt + v.endOfLifeInMs).toISOString() } : {}),
    },
    storageProfile,
  };
}

/**
 * The 300 image versions and the sources they are made from. Each version is created at its publication time
 * with its replication started then, so old versions are Completed everywhere, the newest ones still
 * replicating, and the version with a data disk over 1 TB Failed, all by the model's own replication rules.
 */
export function seedDemoVersions(ctx: EmulatorContext, seededAt: number): void {
  for (const d of DEMO_DEFINITIONS) {
    const versions = expandReleasePlan(d);
    if (versions.length === 0) continue;
    const g = demoGallery(d.gallery);
    const profiles = seedDemoSources(asOf(ctx, seededAt - definitionAgeMs(d)), d, versions);
    for (const v of versions) {
      const publishedAt = seededAt - v.publishedAgoMs;
      createGalleryImageVersion(asOf(ctx, publishedAt), {
        subscriptionId: demoSubscriptionId(g.subscription),
        resourceGroup: g.resourceGroup,
        gallery: g.name,
        image: d.name,
        version: v.name,
        properties: versionProperties(v, profiles.get(v.name)!, seededAt),
        startedAt: publishedAt,
        apiVersion: DEMO_CATALOGUE_API_VERSION,
      });
    }
  }
}
