import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSONA_USERS } from "@/emulator/seed/demoIdentities";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing/harness";
import { galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { createArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import {
  accessControlProfileQueries,
  deleteAccessControlProfileVersion,
  putAccessControlProfile,
  putAccessControlProfileVersion,
} from "@/lib/queries/galleryInVMAccessControlProfiles";
import { putGalleryScript, putGalleryScriptVersion, scriptQueries } from "@/lib/queries/galleryScripts";

/** The writes and reads the script and profile pages use, through the real SDK against the emulator. */
describe("gallery scripts and in-VM access control profiles through the dashboard's queries", () => {
  let em: TestEmulator;
  const megan = DEMO_PERSONA_USERS["platform-admin"].upn;
  const gallery = {
    subscriptionId: "c0000000-0000-4000-8001-000000000002",
    resourceGroupName: "rg-images-dev",
    galleryName: "contoso_automation",
  };

  beforeAll(async () => {
    em = await startTestEmulator({ seed: "demo" });
  });
  afterAll(() => em.close());

  /** Lets the emulator's clock reach the operation's end, as the dashboard's user waits for it. */
  async function done<T>(operation: { submitted(): Promise<void>; pollUntilDone(): Promise<T> }): Promise<T> {
    await operation.submitted();
    await em.advance(600);
    return operation.pollUntilDone();
  }

  // The queries' queryFn, run as TanStack Query would.
  const read = <T>(options: { queryFn?: unknown }) => (options.queryFn as () => Promise<T>)();

  it("creates a script and a version with typed parameters and reads them back", async () => {
    const arm = createArmClients(em.url, em.credential(megan));
    const script: GalleryArtifactPath = { ...gallery, collection: "scripts", artifactName: "rotate-logs" };
    await done(
      putGalleryScript(arm, script, {
        location: "westus2",
        properties: { supportedOSType: "Linux", description: "Rotates logs", endOfLifeDate: "2099-01-01T00:00:00Z" },
        tags: { team: "platform" },
      }),
    );
    const stored = await read<{ properties?: { supportedOSType: string; endOfLifeDate?: Date } }>(
      scriptQueries.detail(arm, galleryArtifactId(script)),
    );
    expect(stored.properties?.supportedOSType).toBe("Linux");
    expect(stored.properties?.endOfLifeDate?.toISOString()).toBe("2099-01-01T00:00:00.000Z");

    const version = { ...script, versionName: "1.0.0" };
    await done(
      putGalleryScriptVersion(arm, version, {
        location: "westus2",
        properties: {
          publishingProfile: {
            source: {
              scriptLink: "https://contososcripts.blob.core.windows.net/scripts/rotate.sh?sv=secret",
              parameters: [{ name: "days", type: "Int", defaultValue: "7", minValue: "1", maxValue: "30" }],
            },
            targetRegions: [{ name: "westus2" }, { name: "eastus", regionalReplicaCount: 2 }],
          },
        },
        tags: {},
      }),
    );
    const json = await read<{
      properties: {
        publishingProfile: { source: { scriptLink: string } };
        replicationStatus?: { summary?: unknown[] };
      };
    }>(scriptQueries.version(arm, galleryArtifactId(version)));
    expect(json.properties.publishingProfile.source.scriptLink).toBe(
      "https://contososcripts.blob.core.windows.net/scripts/rotate.sh",
    );
    expect(json.properties.replicationStatus?.summary).toHaveLength(2);

    // Changing the OS type is refused, with the property as the target the form puts it on.
    const refused = await putGalleryScript(arm, script, {
      location: "westus2",
      properties: { supportedOSType: "Windows" },
      tags: {},
    })
      .submitted()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: "PropertyChangeNotAllowed" });
    expect(toAzureError(refused).target).toBe("galleryScript.properties.supportedOSType");
  });

  it("creates a profile and an enforcing version with rules, and deletes the version", async () => {
    const arm = createArmClients(em.url, em.credential(megan));
    const profile: GalleryArtifactPath = {
      ...gallery,
      collection: "inVMAccessControlProfiles",
      artifactName: "imds-lockdown",
    };
    await done(
      putAccessControlProfile(arm, profile, {
        location: "westus2",
        properties: { osType: "Linux", applicableHostEndpoint: "IMDS", description: "Only the agent reads IMDS." },
        tags: {},
      }),
    );
    const version = { ...profile, versionName: "1.0.0" };
    await done(
      putAccessControlProfileVersion(arm, version, {
        location: "westus2",
        properties: {
          mode: "Enforce",
          defaultAccess: "Deny",
          rules: {
            privileges: [
              { name: "metadata", path: "/metadata/instance", queryParameters: { "api-version": "2021-02-01" } },
            ],
            roles: [{ name: "reader", privileges: ["metadata"] }],
            identities: [{ name: "agent", userName: "root", exePath: "/usr/bin/agent" }],
            roleAssignments: [{ role: "reader", identities: ["agent"] }],
          },
          targetLocations: [{ name: "westus2" }],
        },
        tags: {},
      }),
    );
    const versions = await read<{ name: string; properties: { mode: string; rules?: { roles?: unknown[] } } }[]>(
      accessControlProfileQueries.versions(arm, galleryArtifactId(profile)),
    );
    expect(versions.map((v) => [v.name, v.properties.mode, v.properties.rules?.roles?.length])).toEqual([
      ["1.0.0", "Enforce", 1],
    ]);
    await done(deleteAccessControlProfileVersion(arm, version));
    expect(await read<unknown[]>(accessControlProfileQueries.versions(arm, galleryArtifactId(profile)))).toEqual([]);
  });
});
