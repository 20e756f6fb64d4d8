import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context.js";
import { ArmError, ArmErrors } from "../errors.js";
import { resourceGroupId } from "../resources/resourceGroups.js";
import type { ArmResourceBody, ResourceRecord } from "../store/resources.js";
import { requireObjectBody, stringTags } from "../compute/shared/body.js";
import { canonicalLocation, requiredLocation, requireResourceGroup } from "../compute/shared/names.js";

/**
 * Microsoft.ManagedIdentity/userAssignedIdentities: just enough of a user-assigned managed identity (its principal
 * and client ids) for a gallery to name one. The emulator issues no tokens for it.
 */

export const USER_ASSIGNED_IDENTITY_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

export interface UserAssignedIdentityRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

interface UserAssignedIdentityBody extends ArmResourceBody {
  location: string;
  properties: { tenantId: string; principalId: string; clientId: string };
}

export type UserAssignedIdentityRecord = ResourceRecord<UserAssignedIdentityBody>;

/** The service's rule: 3–128 characters, a letter or digit first, then letters, digits, hyphens and underscores. */
const NAME_RULE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/;

export function userAssignedIdentityId(ref: UserAssignedIdentityRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/${USER_ASSIGNED_IDENTITY_TYPE}/${ref.name}`;
}

/** An identity by its ARM id (any casing); undefined when the id names anything else. */
export function findUserAssignedIdentityById(ctx: EmulatorContext, id: string): UserAssignedIdentityRecord | undefined {
  const record = ctx.resources.get<UserAssignedIdentityBody>(id);
  return record?.type === USER_ASSIGNED_IDENTITY_TYPE ? record : undefined;
}

export function getUserAssignedIdentity(
  ctx: EmulatorContext,
  ref: UserAssignedIdentityRef,
): UserAssignedIdentityRecord {
  const record = findUserAssignedIdentityById(ctx, userAssignedIdentityId(ref));
  if (!record) throw ArmErrors.resourceNotFound(USER_ASSIGNED_IDENTITY_TYPE, ref.name, ref.resourceGroup);
  return record;
}

export function userAssignedIdentityView(record: UserAssignedIdentityRecord) {
  const { id, name, location, tags, properties } = record.body;
  return { id, name, type: USER_ASSIGNED_IDENTITY_TYPE, location, ...stringTags(tags), properties };
}

/** PUT: creates (201) or updates the tags of (200) the identity; its ids never change. Synchronous, as the service's. */
export function putUserAssignedIdentity(
  ctx: EmulatorContext,
  ref: UserAssignedIdentityRef,
  rawBody: unknown,
): { record: UserAssignedIdentityRecord; created: boolean } {
  if (!NAME_RULE.test(ref.name))
    throw new ArmError(
      400,
      "InvalidResourceName",
      `Resource name '${ref.name}' is invalid. The name can be 3-128 characters long, must begin with a letter or ` +
        "number, and may contain only letters, numbers, hyphens and underscores.",
    );
  const body = requireObjectBody(rawBody);
  const location = canonicalLocation(requiredLocation(body.location));
  if (!location) throw ArmErrors.invalidParameterValue("location");
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const existing = findUserAssignedIdentityById(ctx, userAssignedIdentityId(ref));
  if (existing && existing.body.location !== location)
    throw ArmErrors.invalidResourceLocation(existing.name, existing.body.location, location, ref.resourceGroup);
  const id = existing?.body.id ?? userAssignedIdentityId(ref);
  const tenantId = ctx.directory.subscription(ref.subscriptionId)?.tenantId ?? "";
  const stored: UserAssignedIdentityBody = {
    id,
    name: existing?.name ?? ref.name,
    type: USER_ASSIGNED_IDENTITY_TYPE,
    location,
    ...stringTags(body.tags),
    properties: existing?.body.properties ?? { tenantId, principalId: randomUUID(), clientId: randomUUID() },
  };
  if (!existing) ctx.resources.remove(id);
  ctx.resources.put({
    id,
    type: USER_ASSIGNED_IDENTITY_TYPE,
    name: stored.name,
    subscriptionId: ref.subscriptionId,
    resourceGroup: existing?.resourceGroup ?? ref.resourceGroup,
    parentKey: resourceGroupId(ref.subscriptionId, existing?.resourceGroup ?? ref.resourceGroup),
    location,
    body: stored,
    state: {},
    createdAt: existing?.createdAt,
  });
  return { record: findUserAssignedIdentityById(ctx, id)!, created: !existing };
}

/** DELETE: 200 when the identity was there, 204 when it was not, as ARM answers a synchronous delete. */
export function deleteUserAssignedIdentity(ctx: EmulatorContext, ref: UserAssignedIdentityRef): boolean {
  const existing = findUserAssignedIdentityById(ctx, userAssignedIdentityId(ref));
  if (existing) ctx.resources.remove(existing.id);
  return existing !== undefined;
}
