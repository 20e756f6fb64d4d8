import type { ArmRequest, ArmRoute } from "../router.js";
import { existingResourceGroup } from "./resourceGroups.js";
import { DeploymentErrors } from "./deployments.errors.js";
import { DEPLOYMENT_TYPE, validateDeployment, type ValidateRequest } from "./deployments.model.js";
import { withinTemplateLimits } from "./deployments.limits.js";
import {
  deploymentId,
  deploymentOperationViews,
  type DeploymentRecord,
  type DeploymentState,
  deploymentStatus,
  deploymentView,
  runDeployment,
} from "./deployments.run.js";

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

const DEPLOYMENT_PATH =
  "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}";
const groupScope = (params: Record<string, string>) =>
  `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}`;

/** What a deployment's PUT and its validate take from the request: the same preflight runs for both. */
function deploymentRequest(req: ArmRequest): ValidateRequest {
  const subscriptionId = req.params.subscriptionId!;
  return {
    ctx: req.ctx,
    caller: req.caller,
    subscriptionId,
    resourceGroup: existingResourceGroup(req, subscriptionId, req.params.resourceGroupName!),
    deploymentName: req.params.deploymentName!,
    body: req.body,
  };
}

function deploymentOf(req: ArmRequest): DeploymentRecord {
  const group = existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!);
  const record = req.ctx.resources.get<DeploymentRecord["body"], DeploymentState>(
    deploymentId(req.params.subscriptionId!, group.name, req.params.deploymentName!),
  );
  if (!record) throw DeploymentErrors.deploymentNotFound(req.params.deploymentName!);
  return record;
}

/**
 * ARM's status URL of a deployment (Azure-AsyncOperation). ARM names it by an opaque operation id; the emulator
 * uses the deployment's correlation id, which is new for each PUT.
 */
function statusUrl(req: ArmRequest, record: DeploymentRecord): string {
  return `${req.origin}${record.id}/operationStatuses/${record.state.correlationId}?api-version=${req.apiVersion}`;
}

/**
 * Microsoft.Resources/deployments of a resource group: preflight validation (`POST …/validate`, which the
 * consumer view uses to ask whether a VM from an image would be accepted in a region), and deployments run
 * (deployments.run.ts), read, listed and deleted, with their operations, as the Azure CLI drives them.
 */
export const deploymentRoutes: ArmRoute[] = [
  {
    method: "PUT",
    path: DEPLOYMENT_PATH,
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/write",
    scope: groupScope,
    handler: (req) => {
      const request = deploymentRequest(req);
      const record = withinTemplateLimits(() => runDeployment(request));
      const now = req.ctx.clock.now();
      const view = deploymentView(record, now);
      // ARM answers 201 with the deployment Accepted and points at its status, whatever the outcome will be.
      return {
        status: 201,
        headers: { "Azure-AsyncOperation": statusUrl(req, record) },
        body: { ...view, properties: { ...view.properties, provisioningState: "Accepted" } },
      };
    },
  },
  {
    method: "GET",
    path: DEPLOYMENT_PATH,
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/read",
    scope: groupScope,
    handler: (req) => ({ status: 200, body: deploymentView(deploymentOf(req), req.ctx.clock.now()) }),
  },
  {
    method: "DELETE",
    path: DEPLOYMENT_PATH,
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/delete",
    scope: groupScope,
    handler: (req) => {
      const group = existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!);
      const id = deploymentId(req.params.subscriptionId!, group.name, req.params.deploymentName!);
      const record = req.ctx.resources.get<DeploymentRecord["body"], DeploymentState>(id);
      if (!record) return { status: 204 };
      if (deploymentStatus(record, req.ctx.clock.now()) === "Running")
        throw DeploymentErrors.deploymentActive(record.name);
      // Deleting a deployment removes its history only, never the resources it created.
      req.ctx.resources.remove(id);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments",
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/read",
    scope: groupScope,
    handler: (req) => {
      const group = existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!);
      const now = req.ctx.clock.now();
      const records = req.ctx.resources.listByResourceGroup<DeploymentRecord["body"], DeploymentState>(
        req.params.subscriptionId!,
        group.name,
        DEPLOYMENT_TYPE,
      ).items;
      return { status: 200, body: { value: records.map((r) => deploymentView(r, now)) } };
    },
  },
  // The spec names a deployment's operations without the provider segment (`…/resourcegroups/{rg}/deployments/…`),
  // as the Azure CLI calls them; ARM serves both spellings.
  ...[
    `${DEPLOYMENT_PATH}/operations`,
    DEPLOYMENT_PATH.replace("/providers/Microsoft.Resources", "") + "/operations",
  ].map((path): ArmRoute => ({
    method: "GET",
    path,
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/operations/read",
    scope: groupScope,
    handler: (req) => ({
      status: 200,
      body: { value: deploymentOperationViews(deploymentOf(req), req.ctx.clock.now()) },
    }),
  })),
  {
    method: "GET",
    path: `${DEPLOYMENT_PATH}/operationStatuses/{operationId}`,
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/operationstatuses/read",
    scope: groupScope,
    handler: (req) => {
      const record = deploymentOf(req);
      if (record.state.correlationId.toLowerCase() !== req.params.operationId!.toLowerCase())
        throw DeploymentErrors.deploymentNotFound(req.params.deploymentName!);
      const status = deploymentStatus(record, req.ctx.clock.now());
      return {
        status: 200,
        body: { status, ...(status === "Failed" ? { error: record.state.error } : {}) },
      };
    },
  },
  {
    method: "POST",
    path: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}/validate",
    resourceType: DEPLOYMENT_TYPE,
    apiVersions: DEPLOYMENT_API_VERSIONS,
    action: "Microsoft.Resources/deployments/validate/action",
    scope: groupScope,
    handler: (req) => {
      const request = deploymentRequest(req);
      const body = withinTemplateLimits(() => validateDeployment(request));
      return { status: 200, body };
    },
  },
];
