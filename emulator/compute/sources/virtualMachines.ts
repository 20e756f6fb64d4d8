import type { ArmResponse, ArmRoute } from "../../router.js";
import { isPlainObject, requireObjectBody } from "../shared/body.js";
import { requireResourceGroup } from "../shared/names.js";
import { lroHeaders } from "../shared/provisioning.js";
import { computeResourceRoutes, computeView, getComputeResource, putComputeResource, refOf } from "./lifecycle.js";
import { generalizeVirtualMachine, virtualMachineType } from "./virtualMachines.model.js";

/** Microsoft.Compute/virtualMachines: PUT, PATCH, GET, DELETE, the two lists, and generalize. */

const itemPath =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}";

/**
 * A PATCH (VirtualMachineUpdate) is the stored VM with the fields it names replaced, written as a PUT would be: a
 * resize goes through the same size checks, and what a PUT may not change, a PATCH may not either.
 */
function patchedBody(stored: Record<string, unknown> & { location: string }, patch: Record<string, unknown>) {
  const given = isPlainObject(patch.properties) ? patch.properties : {};
  const properties = stored.properties as Record<string, unknown>;
  return {
    location: stored.location,
    tags: patch.tags ?? stored.tags,
    ...(stored.plan ? { plan: stored.plan } : {}),
    properties: {
      hardwareProfile: isPlainObject(given.hardwareProfile)
        ? { ...(properties.hardwareProfile as object), ...given.hardwareProfile }
        : properties.hardwareProfile,
      ...(given.applicationProfile !== undefined ? { applicationProfile: given.applicationProfile } : {}),
    },
  };
}

export const virtualMachineRoutes: ArmRoute[] = [
  ...computeResourceRoutes(virtualMachineType),
  {
    method: "PATCH",
    path: itemPath,
    resourceType: virtualMachineType.type,
    apiVersions: virtualMachineType.apiVersions,
    action: `${virtualMachineType.type}/write`,
    handler: (req): ArmResponse => {
      const ref = refOf(req, virtualMachineType.nameParameter);
      requireResourceGroup(req.ctx, ref.subscriptionId, ref.resourceGroup);
      const patch = requireObjectBody(req.body);
      const stored = getComputeResource(req.ctx, virtualMachineType, ref);
      const { record, operation } = putComputeResource(
        req.ctx,
        virtualMachineType,
        ref,
        patchedBody(
          stored.body as unknown as Record<string, unknown> & { location: string },
          patch as Record<string, unknown>,
        ),
        req.caller,
      );
      return {
        status: 200,
        body: computeView(req.ctx, virtualMachineType, record),
        headers: lroHeaders(req.origin, operation, "PATCH"),
      };
    },
  },
  {
    method: "POST",
    path: `${itemPath}/generalize`,
    resourceType: virtualMachineType.type,
    apiVersions: virtualMachineType.apiVersions,
    action: "Microsoft.Compute/virtualMachines/generalize/action",
    scope: (params) =>
      `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}/providers/Microsoft.Compute/virtualMachines/${params.vmName}`,
    handler: (req): ArmResponse => {
      const ref = refOf(req, virtualMachineType.nameParameter);
      requireResourceGroup(req.ctx, ref.subscriptionId, ref.resourceGroup);
      generalizeVirtualMachine(req.ctx, getComputeResource(req.ctx, virtualMachineType, ref));
      return { status: 200 };
    },
  },
];
