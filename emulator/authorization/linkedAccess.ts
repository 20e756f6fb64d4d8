import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { subscriptionOfScope } from "./roleAssignments.js";

/** The write a request makes: the action and the resource it is made on. */
export interface LinkingWrite {
  action: string;
  scope: string;
}

/**
 * Where a request body names other resources, as dotted paths; `[]` walks an array
 * (`properties.storageProfile.dataDiskImages[].source.id`).
 */
export type LinkPath = string;

/** The resource ids at the given paths of a body; anything but a non-empty string is left to the provider to refuse. */
export function linkedIdsAt(body: unknown, paths: readonly LinkPath[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, segments: string[]): void => {
    if (segments.length === 0) {
      if (typeof value === "string" && value !== "") found.push(value);
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const many = head.endsWith("[]");
    const key = many ? head.slice(0, -2) : head;
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return;
    const next = (value as Record<string, unknown>)[key];
    if (!many) return walk(next, rest);
    if (Array.isArray(next)) next.forEach((item) => walk(item, rest));
  };
  paths.forEach((path) => walk(body, path.split(".")));
  return found;
}

/** The read action of a resource id: `Microsoft.Compute/galleries/images/versions/read` for a version. */
export function readActionOf(resourceId: string): string | undefined {
  const m = /\/providers\/([^/]+)\/(.+)$/i.exec(resourceId);
  if (!m) return undefined;
  const types = m[2]!.split("/").filter((_, i) => i % 2 === 0);
  return `${m[1]}/${types.join("/")}/read`;
}

/** The write of a PUT on a resource: `{type}/write` at the resource. */
export function writeOn(resourceId: string): LinkingWrite {
  return { action: readActionOf(resourceId)!.replace(/\/read$/, "/write"), scope: resourceId };
}

/**
 * ARM's linked-access check, made before the provider sees a write: the caller must be able to read every resource
 * the body links to. A linked resource in the caller's tenant is judged by the caller's roles; one in another
 * tenant's subscription only by the auxiliary identity of that tenant (`x-ms-authorization-auxiliary`), and without
 * one the caller's tenant is not authorized to reach that subscription. A subscription ARM does not know is left to
 * the provider, which answers that the resource is not found. `actionOf` names the read checked, by default the
 * linked type's own.
 */
export function requireLinkedRead(
  ctx: EmulatorContext,
  caller: Caller,
  write: LinkingWrite,
  linkedIds: readonly string[],
  actionOf: (id: string) => string | undefined = readActionOf,
): void {
  const denied: { action: string; scope: string }[] = [];
  const seen = new Set<string>();
  for (const id of linkedIds) {
    const action = actionOf(id);
    const key = id.toLowerCase();
    if (!action || seen.has(key)) continue;
    seen.add(key);
    const subscriptionId = subscriptionOfScope(id);
    const tenantId = ctx.directory.subscription(subscriptionId)?.tenantId;
    if (!tenantId) continue;
    const identity = sameTenant(caller.tenantId, tenantId)
      ? caller
      : caller.auxiliary?.find((a) => sameTenant(a.tenantId, tenantId));
    if (!identity)
      throw ArmErrors.linkedSubscriptionNotAuthorized(action, write.scope, caller.tenantId, subscriptionId);
    if (!ctx.authorizer.isAllowed(identity, action, id)) denied.push({ action, scope: id });
  }
  if (denied.length > 0) {
    throw ArmErrors.linkedAuthorizationFailed(
      caller.clientName,
      caller.objectId,
      write.action,
      write.scope,
      denied.map((d) => d.action).join(","),
      denied.map((d) => d.scope).join(","),
    );
  }
}

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
