import { ArmError } from "../../errors.js";

/** Compute's errors about VM sizes, in its words. */
export const SkuErrors = {
  /** The size is not offered in the region, or not to this subscription there; ARM answers 409. */
  skuNotAvailable: (resourceId: string, region: string, subscriptionId: string) =>
    new ArmError(
      409,
      "SkuNotAvailable",
      `The requested size for resource '${resourceId}' is currently not available in location '${region}' zones '' for subscription '${subscriptionId}'. Please try another size or deploy to a different location or zones. See https://aka.ms/azureskunotavailable for details.`,
    ),
};
