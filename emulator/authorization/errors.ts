import { ArmError } from "../errors.js";

/** Microsoft.Authorization's own errors, with the codes and messages the service sends. */
export const AuthorizationErrors = {
  invalidRoleAssignmentId: (name: string) =>
    new ArmError(
      400,
      "InvalidRoleAssignmentId",
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    ),

  invalidRoleDefinitionId: (name: string) =>
    new ArmError(
      400,
      "InvalidRoleDefinitionId",
      `The role definition ID '${name}' is not valid. The role definition ID must be a GUID.`,
    ),

  invalidPrincipalId: (principalId: string) =>
    new ArmError(
      400,
      "InvalidPrincipalId",
      `The Principal ID '${principalId}' is not valid. Principal ID must be a GUID.`,
    ),

  principalNotFound: (principalId: string, tenantId: string) =>
    new ArmError(
      400,
      "PrincipalNotFound",
      `Principal ${principalId.replace(/-/g, "")} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. ` +
        "If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. " +
        "In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype",
    ),

  unmatchedPrincipalType: (principalId: string, actual: string, given: string) =>
    new ArmError(
      400,
      "UnmatchedPrincipalType",
      `The PrincipalId '${principalId.replace(/-/g, "")}' has type '${actual}' , which is different from specified PrincipalType '${given}'.`,
    ),

  /** 400 when an assignment names it, 404 when it is read directly. */
  roleDefinitionDoesNotExist: (guid: string, status: 400 | 404) =>
    new ArmError(
      status,
      "RoleDefinitionDoesNotExist",
      `The specified role definition with ID '${guid.replace(/-/g, "")}' does not exist.`,
    ),

  roleAssignmentExists: () => new ArmError(409, "RoleAssignmentExists", "The role assignment already exists."),

  roleAssignmentUpdateNotPermitted: () =>
    new ArmError(
      400,
      "RoleAssignmentUpdateNotPermitted",
      "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
    ),

  roleAssignmentNotFound: (name: string) =>
    new ArmError(404, "RoleAssignmentNotFound", `The role assignment '${name}' is not found.`),

  scopeMismatch: (name: string, bodyScope: string, uriScope: string) =>
    new ArmError(
      400,
      "InvalidCreateRoleAssignmentRequest",
      `The request to create role assignment '${name}' is not valid. Role assignment scope '${bodyScope}' must match the scope specified on the URI '${uriScope}'.`,
    ),

  invalidFilter: (filter: string) =>
    new ArmError(
      400,
      "UnsupportedQuery",
      `The filter '${filter}' is not supported. Supported filters are atScope(), principalId eq '{id}' and assignedTo('{id}').`,
    ),

  roleDefinitionWithSameNameExists: () =>
    new ArmError(
      409,
      "RoleDefinitionWithSameNameExists",
      "A custom role with the same name already exists in this directory. Use a different name.",
    ),

  roleDefinitionHasAssignments: () =>
    new ArmError(
      409,
      "RoleDefinitionHasAssignments",
      "There are existing role assignments referencing role (code: RoleDefinitionHasAssignments).",
    ),

  builtInRoleNotModifiable: (guid: string) =>
    new ArmError(
      400,
      "InvalidRoleDefinition",
      `The role definition '${guid}' is a built-in role; built-in roles cannot be changed or deleted.`,
    ),

  invalidRoleDefinition: (why: string, target?: string) => new ArmError(400, "InvalidRoleDefinition", why, target),
};
