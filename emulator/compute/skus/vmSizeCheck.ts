import { parseResourceId } from "../../../lib/azure/resourceId.js";
import {
  checkSizeCompatibility,
  type ImageFacts,
  sizeAvailabilityIn,
  type VmRequest,
  vmSizeCapabilities,
} from "../../../lib/gallery/vmSizes.js";
import { ArmErrors } from "../../errors.js";
import { SkuErrors } from "./skus.errors.js";
import { findVmSize } from "./skus.model.js";

export interface SizeCheckRequest {
  /** The VM's or scale set's id. */
  resourceId: string;
  vmSize: string;
  /** Canonical region. */
  location: string;
  image: ImageFacts;
  vm: VmRequest;
}

/**
 * Compute's checks of a VM size before it creates a VM or scale set: the size offered in the region to this
 * subscription (409 SkuNotAvailable), then able to boot the image (lib/gallery/vmSizes.ts; the first reason is
 * the answer). Sizes the emulator's catalogue does not hold pass unchecked: the catalogue is a slice.
 */
export function requireBootableSize(req: SizeCheckRequest): void {
  const found = findVmSize(req.vmSize, req.location);
  if (!found) return;
  if (!found.offered || sizeAvailabilityIn(found.sku, req.location) !== "Available")
    throw SkuErrors.skuNotAvailable(req.resourceId, req.location, parseResourceId(req.resourceId)!.subscriptionId);
  const [first] = checkSizeCompatibility(vmSizeCapabilities(found.sku), req.image, req.vm).reasons;
  if (first) throw ArmErrors.fromViolation(first.violation);
}
