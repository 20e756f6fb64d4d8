import type { EmulatorContext } from "../context.js";
import { seedDemoApplications } from "./demoApplications.js";
import { seedDemoApplicationBlobs } from "./demoApplicationBlobs.js";
import { seedDemoApplicationPackages } from "./demoApplicationPackages.js";
import { seedDemoGalleriesAndDefinitions, seedDemoVersions } from "./demoCatalogue.js";
import { seedDemoScriptsAndProfiles } from "./demoScripts.js";
import { seedDemoDirectory, seedDemoResourceGroups, seedDemoRoleAssignments } from "./demoDirectory.js";
import { seedDemoVersionProperties } from "./demoVersionProperties.js";
import { seedDemoSoftDelete } from "./demoSoftDelete.js";
import { seedDemoLifecycle } from "./demoLifecycle.js";
import { seedDemoPublishOptions } from "./demoPublishOptions.js";

/**
 * The `demo` seed: two tenants, four subscriptions, the personas, and a catalogue of galleries, image
 * definitions and versions with every edge case later features show. Deterministic: fixed GUIDs and names,
 * times relative to the emulator's clock at seeding.
 */
export function seedDemo(ctx: EmulatorContext): void {
  const seededAt = ctx.clock.now();
  seedDemoDirectory(ctx);
  seedDemoResourceGroups(ctx);
  seedDemoRoleAssignments(ctx);
  seedDemoGalleriesAndDefinitions(ctx, seededAt);
  seedDemoVersions(ctx, seededAt);
  seedDemoVersionProperties(ctx, seededAt);
  seedDemoScriptsAndProfiles(ctx, seededAt);
  seedDemoApplicationBlobs(ctx, seededAt);
  seedDemoApplications(ctx, seededAt);
  seedDemoApplicationPackages(ctx, seededAt);
  seedDemoSoftDelete(ctx, seededAt);
  seedDemoLifecycle(ctx, seededAt);
  seedDemoPublishOptions(ctx, seededAt);
}
