import type { CommunityGallery, CommunityGalleryImage, CommunityGalleryImageVersion } from "@azure/arm-compute";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { communityGalleryImageId } from "@/lib/gallery/community";
import { compareVersionNames } from "@/lib/gallery/names";
import type { DeploymentSpec, OsState, OsType } from "./armTemplate";
import { requiredSecurityType } from "./securityType";
import { effectiveFeatures } from "@/lib/gallery/features";

/**
 * A community gallery opened by public name in one region: its publisher details, its images and the versions
 * replicated there. Anyone signed in reads it through their own subscription; no share or role is needed.
 */

export interface CommunityImageRead {
  name: string;
  osType: OsType;
  osState: OsState;
  publisher?: string;
  offer?: string;
  sku?: string;
  /** The security type `latest` requires of a VM. */
  securityType?: DeploymentSpec["securityType"];
  /** The definition's features, each perhaps from a start version on. */
  features: { name?: string; value?: string; startsAtVersion?: string }[];
  /** Newest first; only the versions replicated to the region. */
  versions: { name: string; publishedDate?: Date; excludeFromLatest: boolean; endOfLifeDate?: Date }[];
  /** What `latest` deploys in the region: the newest version not excluded from latest. */
  latest?: string;
}

export interface CommunityGalleryRead {
  publicName: string;
  location: string;
  publisherUri?: string;
  publisherContact?: string;
  eula?: string;
  images: CommunityImageRead[];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function imageRead(image: CommunityGalleryImage, versions: CommunityGalleryImageVersion[]): CommunityImageRead {
  const sorted = versions
    .map((v) => ({
      name: v.name ?? "",
      publishedDate: v.publishedDate,
      excludeFromLatest: v.excludeFromLatest ?? false,
      endOfLifeDate: v.endOfLifeDate,
    }))
    .sort((a, b) => compareVersionNames(b.name, a.name));
  const latest = sorted.find((v) => !v.excludeFromLatest)?.name;
  const securityType = requiredSecurityType(effectiveFeatures(image.features, latest));
  return {
    name: image.name ?? "",
    osType: image.osType === "Windows" ? "Windows" : "Linux",
    osState: image.osState === "Specialized" ? "Specialized" : "Generalized",
    publisher: image.identifier?.publisher,
    offer: image.identifier?.offer,
    sku: image.identifier?.sku,
    ...(securityType ? { securityType } : {}),
    features: image.features ?? [],
    versions: sorted,
    latest,
  };
}

export async function readCommunityGallery(
  arm: ArmClients,
  subscriptionId: string,
  location: string,
  publicName: string,
): Promise<CommunityGalleryRead> {
  const compute = arm.compute(subscriptionId);
  const name = publicName.trim();
  try {
    const gallery: CommunityGallery = await compute.communityGalleries.get(location, name);
    const images = await collect(compute.communityGalleryImages.list(location, name));
    const reads = await Promise.all(
      images.map(async (image) =>
        imageRead(image, await collect(compute.communityGalleryImageVersions.list(location, name, image.name ?? ""))),
      ),
    );
    return {
      publicName: gallery.name ?? name,
      location,
      publisherUri: gallery.communityMetadata?.publisherUri,
      publisherContact: gallery.communityMetadata?.publisherContact,
      eula: gallery.communityMetadata?.eula,
      images: reads.sort((a, b) => a.name.localeCompare(b.name)),
    };
  } catch (error) {
    throw toAzureError(error, `/CommunityGalleries/${name}`);
  }
}

/** The deployment of a community image: its `communityGalleryImageId`, `latest` unless a version is chosen. */
export function communityDeploymentSpec(
  gallery: CommunityGalleryRead,
  image: CommunityImageRead,
  version: string | undefined,
): DeploymentSpec {
  // The security type of the version deployed: a SecurityType from a later start version is not its to claim.
  const securityType = requiredSecurityType(effectiveFeatures(image.features, version ?? image.latest));
  return {
    imageId: communityGalleryImageId(gallery.publicName, image.name, version ?? "latest"),
    osType: image.osType,
    osState: image.osState,
    ...(securityType ? { securityType } : {}),
    location: gallery.location,
    resourceGroup: "my-resource-group",
    vmName: "vm-01",
    vmSize: "Standard_D2s_v5",
    adminUsername: "azureuser",
  };
}
