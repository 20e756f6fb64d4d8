import { ArmErrors } from "../errors.js";
import { existingResourceGroup } from "../resources/resourceGroups.js";
import { visibleSubscription } from "../resources/subscriptions.js";
import type { ArmRequest } from "../router.js";

/**
 * Checks that the scope exists, with ARM's errors: SubscriptionNotFound, ResourceGroupNotFound, and
 * ResourceNotFound for a resource (ARM resolves an extension resource's parent before the provider sees it).
 * Returns the scope with the casing the resource was created with.
 */
export function existingScope(req: ArmRequest, scope: string): string {
  if (scope === "/") return scope;
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?)?$/i.exec(scope);
  if (!m) throw ArmErrors.badRequest(`The scope '${scope}' is not valid for a role assignment.`);
  const [, subscriptionId, resourceGroup, namespace, rest] = m;
  const sub = visibleSubscription(req, subscriptionId!);
  if (!resourceGroup) return `/subscriptions/${sub.subscriptionId}`;
  const rg = existingResourceGroup(req, sub.subscriptionId, resourceGroup);
  if (!namespace) return rg.id;
  const resource = req.ctx.resources.get(scope);
  if (!resource) {
    const segments = rest!.split("/");
    const types = segments.filter((_, i) => i % 2 === 0);
    const names = segments.filter((_, i) => i % 2 === 1);
    throw ArmErrors.resourceNotFound(`${namespace}/${types.join("/")}`, names.join("/"), resourceGroup);
  }
  return resource.id;
}
