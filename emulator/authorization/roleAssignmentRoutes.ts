import { nextLink, pageOf, skipTokenOf } from "../paging.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import { AuthorizationErrors } from "./errors.js";
import { type RoleAssignmentBody, ROLE_ASSIGNMENT_TYPE } from "./roleAssignments.js";
import {
  assignmentFilter,
  assignmentId,
  checkName,
  putRoleAssignment,
  ROLE_ASSIGNMENTS,
} from "./roleAssignments.model.js";
import { existingScope } from "./scopeLookup.js";
import { normalizeScope, scopedPaths, scopeOfPath } from "./scopes.js";

/** The api-versions of Microsoft.Authorization/roleAssignments; `@azure/arm-authorization` 9 sends 2022-04-01. */
export const ROLE_ASSIGNMENT_API_VERSIONS = [
  "2015-07-01",
  "2018-01-01-preview",
  "2018-09-01-preview",
  "2020-04-01-preview",
  "2020-08-01-preview",
  "2020-10-01-preview",
  "2022-01-01-preview",
  "2022-04-01",
] as const;

function put(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const { created, assignment } = putRoleAssignment(req.ctx, req.caller, scope, name, req.body);
  return { status: created ? 201 : 200, body: assignment };
}

function get(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const assignment = req.ctx.roleAssignments.get(assignmentId(scope, name));
  if (!assignment) throw AuthorizationErrors.roleAssignmentNotFound(name);
  return { status: 200, body: assignment };
}

function remove(req: ArmRequest): ArmResponse {
  const name = req.params.roleAssignmentName!;
  checkName(name);
  const scope = normalizeScope(scopeOfPath(req.path));
  const assignment = req.ctx.roleAssignments.get(assignmentId(scope, name));
  if (!assignment) return { status: 204 };
  req.ctx.roleAssignments.remove(assignment.id);
  return { status: 200, body: assignment };
}

function list(req: ArmRequest): ArmResponse {
  const scope = existingScope(req, normalizeScope(scopeOfPath(req.path)));
  const matches = assignmentFilter(req.ctx, req.query["$filter"], scope);
  const items = req.ctx.roleAssignments.all().filter(matches);
  const page = pageOf(items, (a) => a.id.toLowerCase(), skipTokenOf(req), req.ctx.config.pageSize);
  const body: { value: RoleAssignmentBody[]; nextLink?: string } = { value: page.items };
  if (page.continueAfter !== undefined) body.nextLink = nextLink(req, page.continueAfter);
  return { status: 200, body };
}

const common = { resourceType: ROLE_ASSIGNMENT_TYPE, apiVersions: ROLE_ASSIGNMENT_API_VERSIONS };

/** Role assignments at any scope: create, get, delete, list (by scope, resource group, resource or subscription). */
export const roleAssignmentRoutes: ArmRoute[] = [
  ...scopedPaths(`${ROLE_ASSIGNMENTS}/{roleAssignmentName}`).flatMap((path): ArmRoute[] => [
    { ...common, method: "PUT", path, action: "Microsoft.Authorization/roleAssignments/write", handler: put },
    { ...common, method: "GET", path, action: "Microsoft.Authorization/roleAssignments/read", handler: get },
    { ...common, method: "DELETE", path, action: "Microsoft.Authorization/roleAssignments/delete", handler: remove },
  ]),
  ...scopedPaths(ROLE_ASSIGNMENTS).map((path): ArmRoute => ({
    ...common,
    method: "GET",
    path,
    action: "Microsoft.Authorization/roleAssignments/read",
    handler: list,
  })),
];
