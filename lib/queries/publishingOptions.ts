import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { galleryPathOf } from "@/lib/azure/routeParams";
import { versionQueries } from "@/lib/queries/galleryImageVersions";
import { encryptionSetFits } from "@/lib/gallery/encryption";
import { sameLocation } from "@/lib/gallery/regions";

/**
 * What the version form's publishing options pick from: the disk encryption sets of the gallery's subscription
 * (sets must be in it) and, against the emulator, the VHD blobs of one account (accounts and Azure's blobs:
 * lib/queries/storageBlobs.ts).
 */

export interface EncryptionSetChoice {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  encryptionType: string;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The sets one disk of a version in one region can name: the region's, of the type that disk needs. */
export function encryptionSetsFor(
  sets: readonly EncryptionSetChoice[],
  region: string,
  use: "disk" | "confidential",
): EncryptionSetChoice[] {
  return sets
    .filter((set) => sameLocation(set.location, region) && encryptionSetFits(set.encryptionType, use))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const publishingOptionQueries = {
  encryptionSets: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: ["diskEncryptionSets", subscriptionId.toLowerCase()] as const,
      queryFn: async (): Promise<EncryptionSetChoice[]> => {
        try {
          const sets = await collect(arm.compute(subscriptionId).diskEncryptionSets.list());
          return sets.map((set) => ({
            id: set.id ?? "",
            name: set.name ?? "",
            location: set.location,
            resourceGroup: (set.id ?? "").split("/")[4] ?? "",
            encryptionType: set.encryptionType ?? "EncryptionAtRestWithCustomerKey",
          }));
        } catch (error) {
          throw toAzureError(error, `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/diskEncryptionSets`);
        }
      },
    }),
};

/**
 * A version's UEFI settings: the service returns them only with `$expand=UefiSettings`. Keyed under the versions'
 * root, so the invalidation after a publish or an edit reaches it.
 */
export const versionUefiSettingsQuery = (arm: ArmClients, id: string) =>
  queryOptions({
    queryKey: [...versionQueries.all(), "uefiSettings", id.toLowerCase()] as const,
    queryFn: async () => {
      const p = galleryPathOf(id);
      if (!p?.imageName || !p.versionName) throw new Error(`'${id}' is not an image version id.`);
      try {
        const version = await arm
          .compute(p.subscriptionId)
          .galleryImageVersions.get(p.resourceGroupName, p.galleryName, p.imageName, p.versionName, {
            expand: "UefiSettings",
          });
        return version.securityProfile?.uefiSettings ?? null;
      } catch (error) {
        throw toAzureError(error, id);
      }
    },
  });
