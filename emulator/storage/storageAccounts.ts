import { listResponse, skipTokenOf } from "../paging.js";
import { visibleSubscription } from "../resources/subscriptions.js";
import type { ArmRequest, ArmResponse, ArmRoute } from "../router.js";
import type { ResourceRecord } from "../store/resources.js";
import { requireResourceGroup } from "../compute/shared/names.js";
import {
  deleteStorageAccount,
  getStorageAccount,
  putStorageAccount,
  STORAGE_ACCOUNT_TYPE,
  storageAccountView,
  type StorageAccountRecord,
  type StorageAccountRef,
} from "./storageAccounts.model.js";

/** Microsoft.Storage/storageAccounts: PUT, GET, DELETE, list by resource group and subscription. */

/** The storage api-versions the Azure CLI and the storage SDKs of recent years send. */
export const STORAGE_API_VERSIONS = [
  "2021-09-01",
  "2022-05-01",
  "2022-09-01",
  "2023-01-01",
  "2023-04-01",
  "2023-05-01",
  "2024-01-01",
  "2025-01-01",
] as const;

const COLLECTION =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts";
const ITEM = `${COLLECTION}/{accountName}`;
const READ = `${STORAGE_ACCOUNT_TYPE}/read`;
const base = { resourceType: STORAGE_ACCOUNT_TYPE, apiVersions: STORAGE_API_VERSIONS } as const;

function refOf(req: ArmRequest): StorageAccountRef {
  visibleSubscription(req, req.params.subscriptionId!);
  return {
    subscriptionId: req.params.subscriptionId!,
    resourceGroup: req.params.resourceGroupName!,
    name: req.params.accountName!,
  };
}

const view = (r: ResourceRecord) => storageAccountView(r as StorageAccountRecord);
const readable = (req: ArmRequest, items: ResourceRecord[]) =>
  items.filter((r) => req.ctx.authorizer.isAllowed(req.caller, READ, r.id));

export const storageAccountRoutes: ArmRoute[] = [
  {
    ...base,
    method: "PUT",
    path: ITEM,
    action: `${STORAGE_ACCOUNT_TYPE}/write`,
    handler: (req): ArmResponse => ({
      status: 200,
      body: storageAccountView(putStorageAccount(req.ctx, refOf(req), req.body).record),
    }),
  },
  {
    ...base,
    method: "GET",
    path: ITEM,
    action: READ,
    handler: (req): ArmResponse => ({ status: 200, body: storageAccountView(getStorageAccount(req.ctx, refOf(req))) }),
  },
  {
    ...base,
    method: "DELETE",
    path: ITEM,
    action: `${STORAGE_ACCOUNT_TYPE}/delete`,
    handler: (req): ArmResponse => ({ status: deleteStorageAccount(req.ctx, refOf(req)) ? 200 : 204 }),
  },
  {
    ...base,
    method: "GET",
    path: COLLECTION,
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      requireResourceGroup(req.ctx, sub.subscriptionId, req.params.resourceGroupName!);
      const page = req.ctx.resources.listByResourceGroup(
        sub.subscriptionId,
        req.params.resourceGroupName!,
        STORAGE_ACCOUNT_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view);
    },
  },
  {
    ...base,
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts",
    action: READ,
    listsBeneath: true,
    handler: (req): ArmResponse => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const page = req.ctx.resources.listBySubscription(
        sub.subscriptionId,
        STORAGE_ACCOUNT_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      return listResponse(req, { ...page, items: readable(req, page.items) }, view);
    },
  },
];
