import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context.js";
import { ArmError, ArmErrors } from "../errors.js";
import { isPlainObject } from "../compute/shared/body.js";
import { findUserAssignedIdentityById } from "./userAssignedIdentities.model.js";

/**
 * A resource's managed identity (`identity` beside `properties`), as ARM and the managed identity service handle it
 * for every resource type that has one: a system-assigned identity gets a principal in the subscription's tenant,
 * user-assigned identities must exist and are reported with their principal and client ids.
 */

const IDENTITY_TYPES = ["SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned", "None"] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

export interface StoredIdentity {
  type: IdentityType;
  principalId?: string;
  tenantId?: string;
  /** The user-assigned identities by id as the caller spelled it; their ids never change, so they are kept here. */
  userAssignedIdentities?: Record<string, { principalId: string; clientId: string }>;
}

/** The ids of the user-assigned identities a body names, for ARM's linked access check. */
export function userAssignedIdsIn(body: unknown): string[] {
  const identity = isPlainObject(body) && isPlainObject(body.identity) ? body.identity : undefined;
  return identity && isPlainObject(identity.userAssignedIdentities) ? Object.keys(identity.userAssignedIdentities) : [];
}

/** The action ARM checks on each user-assigned identity a write names. */
export const ASSIGN_USER_ASSIGNED_IDENTITY = "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action";

function identityOperationFailed(resourceId: string, code: string, message: string): ArmError {
  const response = JSON.stringify({ error: { code, message } });
  return new ArmError(
    400,
    "FailedIdentityOperation",
    `Identity operation for resource '${resourceId}' failed with error 'Failed to perform resource identity ` +
      `operation. Status: 'BadRequest'. Response: '${response}'.'.`,
  );
}

/**
 * The identity a PUT or PATCH sends, checked and resolved against what is stored (a system-assigned principal is kept
 * while the type keeps it). Undefined when the body has no identity.
 */
export function resolveIdentity(
  ctx: EmulatorContext,
  resourceId: string,
  subscriptionId: string,
  raw: unknown,
  stored: StoredIdentity | undefined,
): StoredIdentity | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw ArmErrors.invalidParameterValue("identity");
  const given = raw.type;
  const type = IDENTITY_TYPES.find(
    (t) => typeof given === "string" && t.toLowerCase() === given.replace(/\s*,\s*/g, ", ").toLowerCase(),
  );
  if (!type) throw ArmErrors.invalidParameterValue("identity.type");
  const rawUsers = raw.userAssignedIdentities;
  if (rawUsers !== undefined && rawUsers !== null && !isPlainObject(rawUsers))
    throw ArmErrors.invalidParameterValue("identity.userAssignedIdentities");
  const ids = rawUsers ? Object.keys(rawUsers) : [];
  const wantsUsers = type.includes("UserAssigned");
  if (!wantsUsers && ids.length > 0)
    throw identityOperationFailed(
      resourceId,
      "BadRequest",
      "The request format was unexpected, a non-UserAssigned identity type should not contain: userAssignedIdentities",
    );
  if (wantsUsers && ids.length === 0)
    throw new ArmError(
      400,
      "MissingIdentityIds",
      `The identity ids must not be null or empty for '${type}' identity type.`,
    );
  const users = ids.map((id) => {
    const found = findUserAssignedIdentityById(ctx, id);
    if (!found) throw identityOperationFailed(resourceId, "BadRequest", `Resource '${id}' was not found.`);
    const { principalId, clientId } = found.body.properties;
    return [id, { principalId, clientId }] as const;
  });
  const system = type.startsWith("SystemAssigned")
    ? {
        principalId: stored?.principalId ?? randomUUID(),
        tenantId: stored?.tenantId ?? ctx.directory.subscription(subscriptionId)?.tenantId ?? "",
      }
    : {};
  return { type, ...system, ...(wantsUsers ? { userAssignedIdentities: Object.fromEntries(users) } : {}) };
}

/** The `identity` of the resource's JSON. */
export function identityView(identity: StoredIdentity | undefined) {
  return identity ? { identity } : {};
}
