import { invalidParameter, type RuleViolation } from "./violation";

/**
 * A gallery's managed identity (`identity` beside `properties`, GalleryRP 2025-03-03 on): a system-assigned identity
 * on or off, and any number of user-assigned identities named by resource id. The `type` the service wants is derived
 * from those two choices; "None" removes every identity.
 */

export type GalleryIdentityType = "None" | "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned";

export interface GalleryIdentityChoice {
  systemAssigned: boolean;
  userAssignedIds: string[];
}

const USER_ASSIGNED_IDENTITY_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;

/** A user-assigned identity is named by its full ARM id; anything else the identity service refuses. */
export function checkUserAssignedIdentityId(id: string): RuleViolation | undefined {
  if (USER_ASSIGNED_IDENTITY_ID.test(id.trim())) return undefined;
  return invalidParameter(
    "A user-assigned identity is named by its resource id: /subscriptions/{subscriptionId}/resourceGroups/" +
      "{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identityName}.",
    "identity.userAssignedIdentities",
  );
}

export function galleryIdentityTypeOf(choice: GalleryIdentityChoice): GalleryIdentityType {
  const users = choice.userAssignedIds.length > 0;
  if (choice.systemAssigned) return users ? "SystemAssigned, UserAssigned" : "SystemAssigned";
  return users ? "UserAssigned" : "None";
}

/**
 * The `identity` to send for a choice: the whole set of user-assigned identities, since the service replaces the
 * set it holds with the one sent (docs/azure-error-fidelity.md, "Gallery identity in the dashboard").
 */
export function galleryIdentityBody(choice: GalleryIdentityChoice): {
  type: GalleryIdentityType;
  userAssignedIdentities?: Record<string, Record<string, never>>;
} {
  const type = galleryIdentityTypeOf(choice);
  if (choice.userAssignedIds.length === 0) return { type };
  return { type, userAssignedIdentities: Object.fromEntries(choice.userAssignedIds.map((id) => [id.trim(), {}])) };
}

/** The choice a gallery's current identity amounts to (the edit form's starting point). */
export function galleryIdentityChoiceOf(
  identity: { type?: string; userAssignedIdentities?: Record<string, unknown> } | undefined,
): GalleryIdentityChoice {
  const type = (identity?.type ?? "None").toLowerCase();
  return {
    systemAssigned: type.startsWith("systemassigned"),
    userAssignedIds: type.includes("userassigned") ? Object.keys(identity?.userAssignedIdentities ?? {}) : [],
  };
}

/** Whether two ids name the same identity: ARM ids compare without regard to case. */
export function sameIdentityId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether two choices hold the same identities, in any order and case. */
export function sameIdentityChoice(a: GalleryIdentityChoice, b: GalleryIdentityChoice): boolean {
  return (
    a.systemAssigned === b.systemAssigned &&
    a.userAssignedIds.length === b.userAssignedIds.length &&
    a.userAssignedIds.every((id) => b.userAssignedIds.some((other) => sameIdentityId(id, other)))
  );
}
