import type { ArmResponse, ArmRoute } from "../../router.js";
import { requireResourceGroup } from "../shared/names.js";
import { computeResourceRoutes, getComputeResource, refOf } from "./lifecycle.js";
import { generalizeVirtualMachine, virtualMachineType } from "./virtualMachines.model.js";

/** Microsoft.Compute/virtualMachines: PUT, GET, DELETE, the two lists, and generalize. */
export const virtualMachineRoutes: ArmRoute[] = [
  ...computeResourceRoutes(virtualMachineType),
  {
    method: "POST",
    path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}/generalize",
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
