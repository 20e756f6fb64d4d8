import type { ApplicationPublishingProfile } from "../../../lib/gallery/galleryApplicationVersion.js";
import type { EmulatorContext } from "../../context.js";
import { ArmError } from "../../errors.js";
import { findBlobByUri } from "../../storage/storageAccounts.model.js";

const SOURCE = "galleryApplicationVersion.properties.publishingProfile.source";

/** A link as the error shows it: without its query, which holds the SAS token. */
function withoutQuery(link: string): string {
  const at = link.indexOf("?");
  return at === -1 ? link : link.slice(0, at);
}

/**
 * The package (`mediaLink`) and configuration (`defaultConfigurationLink`) must be blobs the service can read. The
 * emulator's stand-in for "readable" is its blob registry (`/_emulator/blobs`, the one VHD sources use): a link to a
 * blob that is not registered is refused with the words Azure answers for a blob it cannot read
 * (docs/azure-error-fidelity.md, "Application packages from the blob registry").
 */
export function requireReadablePackage(ctx: EmulatorContext, source: ApplicationPublishingProfile["source"]): void {
  const links = [
    ["mediaLink", source.mediaLink],
    ["defaultConfigurationLink", source.defaultConfigurationLink],
  ] as const;
  for (const [field, link] of links) {
    if (link === undefined || findBlobByUri(ctx, link)) continue;
    throw new ArmError(
      400,
      "InvalidParameter",
      `The SAS is not valid for source uri ${withoutQuery(link)}.`,
      `${SOURCE}.${field}`,
    );
  }
}
