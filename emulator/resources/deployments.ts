import type { ArmRoute } from "../router.js";
import { existingResourceGroup } from "./resourceGroups.js";
import { DEPLOYMENT_TYPE, validateDeployment } from "./deployments.model.js";
import { withinTemplateLimits } from "./deployments.limits.js";

/** The api-versions of Microsoft.Resources/deployments; @azure/arm-resources 7 sends 2025-04-01. */
export const DEPLOYMENT_API_VERSIONS = [
  "2019-10-01",
  "2020-06-01",
  "2020-08-01",
  "2020-10-01",
  "2021-01-01",
  "2021-04-01",
  "2022-09-01",
  "2023-07-01",
  "2024-03-01",
  "2024-07-01",
  "2024-11-01",
  "2025-03-01",
  "2025-04-01",
] as const;

/**
 * Microsoft.Resources/deployments: preflight validation only (`POST …/validate`), which the consumer view uses
 * to ask whether a VM from an image would be accepted in a region. Deployments are not run or stored.
 */
export const deploymentRoutes: ArmRoute[] = [
  {
    method: "POST",
    path: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}/validate",
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/validate/action",
    scope: (params) => `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}`,
    handler: (req) => {
      const subscriptionId = req.params.subscriptionId!;
      const resourceGroup = existingResourceGroup(req, subscriptionId, req.params.resourceGroupName!);
      const body = withinTemplateLimits(() =>
        validateDeployment({
          ctx: req.ctx,
          caller: req.caller,
          subscriptionId,
          resourceGroup,
          deploymentName: req.params.deploymentName!,
          body: req.body,
        }),
      );
      return { status: 200, body };
    },
  },
];
