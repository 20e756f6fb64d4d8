import { listResponse, skipTokenOf } from "../paging.js";
import { visibleSubscription } from "../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import type { ResourceRecord } from "../store/resources.js";
import { requireResourceGroup } from "../compute/shared/names.js";
import {
  deleteUserAssignedIdentity,
  getUserAssignedIdentity,
  putUserAssignedIdentity,
  USER_ASSIGNED_IDENTITY_TYPE,
  userAssignedIdentityView,
  type UserAssignedIdentityRecord,
  type UserAssignedIdentityRef,
} from "./userAssignedIdentities.model.js";

/** Microsoft.ManagedIdentity/userAssignedIdentities: routes and thin handlers over the model. */

const IDENTITY_PATH = `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${USER_ASSIGNED_IDENTITY_TYPE}/{resourceName}`;
const READ = `${USER_ASSIGNED_IDENTITY_TYPE}/read`;
const API_VERSIONS = [
  "2018-11-30",
  "2021-09-30-preview",
  "2022-01-31-preview",
  "2023-01-31",
  "2023-07-31-preview",
  "2024-11-30",
];

function refOf(req: ArmRequest): UserAssignedIdentityRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    name: req.params.resourceName!,
  };
}

function readable(req: ArmRequest, items: ResourceRecord[]) {
  return items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));
}

const view = (r: ResourceRecord) => userAssignedIdentityView(r as UserAssignedIdentityRecord);
const base = { resourceType: USER_ASSIGNED_IDENTITY_TYPE, apiVersions: API_VERSIONS } as const;

export const userAssignedIdentityRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: IDENTITY_PATH,
    action: `${USER_ASSIGNED_IDENTITY_TYPE}/write`,
    handler: (req): ArmResponse => {
      const { record, created } = putUserAssignedIdentity(req.ctx, refOf(req), req.body);
      return { status: created ? 201 : 200, body: userAssignedIdentityView(record) };
    },
  },
  {
    ...base,
    method: "GET",
    path: IDENTITY_PATH,
    action: READ,
    handler: (req): ArmResponse => ({
      status: 200,
      body: userAssignedIdentityView(getUserAssignedIdentity(req.ctx, refOf(req))),
    }),
  },
  {
    ...base,
    method: "DELETE",
    path: IDENTITY_PATH,
    action: `${USER_ASSIGNED_IDENTITY_TYPE}/delete`,
    handler: (req): ArmResponse => ({ status: deleteUserAssignedIdentity(req.ctx, refOf(req)) ? 200 : 204 }),
  },
  {
    ...base,
    method: "GET",
    path: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${USER_ASSIGNED_IDENTITY_TYPE}`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      requireResourceGroup(req.ctx, sub.subscriptionId, req.params.resourceGroupName!);
      const page = req.ctx.resources.listByResourceGroup(
        sub.subscriptionId,
        req.params.resourceGroupName!,
        USER_ASSIGNED_IDENTITY_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view);
    },
  },
  {
    ...base,
    method: "GET",
    path: `/subscriptions/{subscriptionId}/providers/${USER_ASSIGNED_IDENTITY_TYPE}`,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const page = req.ctx.resources.listBySubscription(
        sub.subscriptionId,
        USER_ASSIGNED_IDENTITY_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view);
    },
  },
];
