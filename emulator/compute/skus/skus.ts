import { pagedListResponse } from "../../paging.js";
import type { ArmRoute } from "../../router.js";
import { visibleSubscription } from "../../resources/subscriptions.js";
import { RESOURCE_SKU_TYPE, SKU_API_VERSIONS } from "../shared/names.js";
import { listSkus } from "./skus.model.js";

/** `GET /subscriptions/{s}/providers/Microsoft.Compute/skus`: the VM sizes offered, per region, with capabilities. */
export const skuRoutes: ArmRoute[] = [
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus",
    resourceType: RESOURCE_SKU_TYPE,
    apiVersions: SKU_API_VERSIONS,
    action: "Microsoft.Compute/skus/read",
    scope: (params) => `/subscriptions/${params.subscriptionId}`,
    handler: (req) => {
      visibleSubscription(req, req.params.subscriptionId!);
      const skus = listSkus(req.query["$filter"]);
      return pagedListResponse(req, skus, (sku) => `${sku.name.toLowerCase()}|${sku.locations[0]}`);
    },
  },
];
