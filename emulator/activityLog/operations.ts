/**
 * What an ARM write is, in the Activity Log's words: the operation name (`Microsoft.Compute/galleries/write`),
 * the resource it acted on, and the localized names the portal shows. Derived from the method and path alone,
 * so one hook covers every provider.
 */

export interface WriteOperation {
  subscriptionId: string;
  resourceGroupName?: string;
  /** The resource the request named (for an action, the resource it acted on). */
  resourceId: string;
  resourceProvider: string;
  resourceType: string;
  operationName: string;
  localizedOperationName: string;
}

const RESOURCE_NAMES: Record<string, string> = {
  "microsoft.resources/subscriptions/resourcegroups": "Resource Group",
  "microsoft.compute/galleries": "Gallery",
  "microsoft.compute/galleries/images": "Gallery Image",
  "microsoft.compute/galleries/images/versions": "Gallery Image Version",
  "microsoft.compute/images": "Image",
  "microsoft.compute/disks": "Disk",
  "microsoft.compute/snapshots": "Snapshot",
  "microsoft.compute/virtualmachines": "Virtual Machine",
  "microsoft.authorization/roleassignments": "role assignment",
  "microsoft.authorization/roledefinitions": "custom role definition",
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The operation a write request performs, or nothing for a path outside a subscription (tenant-level calls). */
export function writeOperationOf(method: string, path: string): WriteOperation | undefined {
  const segments = path.split("/").filter(Boolean).map(decode);
  if (segments[0]?.toLowerCase() !== "subscriptions" || !segments[1]) return undefined;
  const subscriptionId = segments[1];
  const rgAt = segments.findIndex((s, i) => i === 2 && s.toLowerCase() === "resourcegroups");
  const resourceGroupName = rgAt === 2 ? segments[3] : undefined;

  let providerAt = -1;
  segments.forEach((s, i) => {
    if (s.toLowerCase() === "providers") providerAt = i;
  });
  let namespace: string;
  let typeNames: string[];
  let tail: string[];
  if (providerAt >= 0) {
    namespace = segments[providerAt + 1] ?? "";
    tail = segments.slice(providerAt + 2);
    typeNames = [];
  } else {
    // Microsoft.Resources: the subscription and resource group segments are the resource path themselves.
    namespace = "Microsoft.Resources";
    tail = segments;
    typeNames = [];
  }
  const pairs = Math.floor(tail.length / 2);
  for (let i = 0; i < pairs; i++) typeNames.push(tail[i * 2]!);
  const action = tail.length % 2 === 1 ? tail[tail.length - 1] : undefined;
  if (!namespace || typeNames.length === 0) return undefined;

  const resourceType = `${namespace}/${typeNames.join("/")}`;
  const resourceSegments = action ? segments.slice(0, -1) : segments;
  const resourceId = `/${resourceSegments.join("/")}`;
  const verb = action ? `${action}/action` : method === "DELETE" ? "delete" : "write";
  const noun = RESOURCE_NAMES[resourceType.toLowerCase()] ?? typeNames[typeNames.length - 1]!;
  const isRoleAssignment = resourceType.toLowerCase() === "microsoft.authorization/roleassignments";
  const localizedOperationName = action
    ? `${capitalize(action)} ${noun}`
    : method === "DELETE"
      ? `Delete ${noun}`
      : isRoleAssignment
        ? `Create ${noun}`
        : `Create or Update ${noun}`;
  return {
    subscriptionId,
    ...(resourceGroupName ? { resourceGroupName } : {}),
    resourceId,
    resourceProvider: namespace,
    resourceType,
    operationName: `${resourceType}/${verb}`,
    localizedOperationName,
  };
}
