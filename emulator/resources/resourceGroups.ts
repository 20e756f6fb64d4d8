import { findRegion } from "../../lib/gallery/regions.js";
import { ArmErrors } from "../errors.js";
import { listResponse, skipTokenOf } from "../paging.js";
import type { ArmRequest, ArmRoute } from "../router.js";
import { keyOf, type ResourceRecord } from "../store/resources.js";
import { visibleSubscription } from "./subscriptions.js";

export const RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";
const RG_PATH = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
const RG_NAME = /^[-\p{L}\p{N}_.()]{1,90}$/u;

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** The resource group a request names; ARM answers ResourceGroupNotFound when it does not exist. */
export function existingResourceGroup(req: ArmRequest, subscriptionId: string, resourceGroup: string): ResourceRecord {
  visibleSubscription(req, subscriptionId);
  const rg = req.ctx.resources.get(resourceGroupId(subscriptionId, resourceGroup));
  if (!rg) throw ArmErrors.resourceGroupNotFound(resourceGroup);
  return rg;
}

function view(r: ResourceRecord) {
  return { ...r.body, properties: { provisioningState: "Succeeded" } };
}

function checkName(name: string): void {
  if (!RG_NAME.test(name) || name.endsWith(".")) {
    throw ArmErrors.invalidParameter(
      "resourceGroupName",
      `Resource group name '${name}' is invalid. It can include alphanumeric, underscore, parentheses, hyphen, period ` +
        "(except at end), and Unicode characters that match the allowed characters. It must be 1-90 characters long.",
    );
  }
}

/** The `tags` of a request body: absent, or an object of strings (anything else ARM cannot deserialize). */
function tagsOf(body: { tags?: unknown }): Record<string, string> | undefined {
  const tags = body.tags;
  if (tags === undefined) return undefined;
  if (
    typeof tags !== "object" ||
    tags === null ||
    Array.isArray(tags) ||
    Object.values(tags).some((v) => typeof v !== "string")
  ) {
    throw ArmErrors.invalidRequestContent(
      "Error converting value to type 'System.Collections.Generic.IDictionary`2[System.String,System.String]'. Path 'tags'.",
    );
  }
  return tags as Record<string, string>;
}

function objectBody(body: unknown): { location?: unknown; tags?: unknown } {
  if (body === undefined || body === null) throw ArmErrors.missingRequestContent();
  if (typeof body !== "object" || Array.isArray(body))
    throw ArmErrors.invalidRequestContent("Unexpected JSON token; expected an object.");
  const { properties } = body as { properties?: unknown };
  if (
    properties !== undefined &&
    properties !== null &&
    (typeof properties !== "object" || Array.isArray(properties))
  ) {
    throw ArmErrors.invalidRequestContent(
      `Error converting value ${JSON.stringify(properties)} to type 'ResourceGroupProperties'. Path 'properties'.`,
    );
  }
  return body as { location?: unknown; tags?: unknown };
}

/** Microsoft.Resources resource groups: create or update, get, check existence, list, delete (with their contents). */
export const resourceGroupRoutes: ArmRoute[] = [
  {
    method: "PUT",
    path: RG_PATH,
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/write",
    handler: (req) => {
      const subscriptionId = req.params.subscriptionId!;
      const resourceGroupName = req.params.resourceGroupName!;
      visibleSubscription(req, subscriptionId);
      checkName(resourceGroupName);
      const body = objectBody(req.body);
      const tags = tagsOf(body);
      if (typeof body.location !== "string" || !body.location) {
        throw ArmErrors.badRequest("The 'location' property is required for this definition.", "location");
      }
      const region = findRegion(body.location);
      if (!region) throw ArmErrors.locationNotAvailableForResourceGroup(body.location);
      const id = resourceGroupId(subscriptionId, resourceGroupName);
      const existing = req.ctx.resources.get(id);
      if (existing && existing.location !== region.name) {
        throw ArmErrors.invalidResourceGroupLocation(region.name, existing.location ?? "");
      }
      const canonicalId = existing?.id ?? id;
      const name = existing?.name ?? resourceGroupName;
      req.ctx.resources.put({
        id: canonicalId,
        type: RESOURCE_GROUP_TYPE,
        name,
        subscriptionId,
        resourceGroup: name,
        parentKey: `/subscriptions/${subscriptionId}`,
        location: region.name,
        body: {
          id: canonicalId,
          name,
          type: RESOURCE_GROUP_TYPE,
          location: region.name,
          ...(tags ? { tags } : {}),
        },
        state: {},
        createdAt: existing?.createdAt,
      });
      return { status: existing ? 200 : 201, body: view(req.ctx.resources.get(id)!) };
    },
  },
  {
    method: "GET",
    path: RG_PATH,
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    handler: (req) => ({
      status: 200,
      body: view(existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!)),
    }),
  },
  {
    method: "HEAD",
    path: RG_PATH,
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    handler: (req) => {
      visibleSubscription(req, req.params.subscriptionId!);
      const exists = req.ctx.resources.get(resourceGroupId(req.params.subscriptionId!, req.params.resourceGroupName!));
      return { status: exists ? 204 : 404 };
    },
  },
  {
    method: "PATCH",
    path: RG_PATH,
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/write",
    handler: (req) => {
      const rg = existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!);
      const tags = tagsOf(objectBody(req.body));
      const body = { ...rg.body, ...(tags ? { tags } : {}) };
      req.ctx.resources.put({ ...rg, body });
      return { status: 200, body: view(req.ctx.resources.get(rg.id)!) };
    },
  },
  {
    method: "DELETE",
    path: RG_PATH,
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/delete",
    handler: (req) => {
      const rg = existingResourceGroup(req, req.params.subscriptionId!, req.params.resourceGroupName!);
      // ARM deletes a group with everything in it, role assignments at scopes inside it included. The emulator
      // does it at once and reports a finished operation.
      req.ctx.db.transaction(() => {
        req.ctx.db
          .prepare("DELETE FROM resources WHERE subscription_id = ? AND resource_group = ?")
          .run(rg.subscriptionId, keyOf(rg.name));
      })();
      req.ctx.roleAssignments.invalidate();
      return { status: 200 };
    },
  },
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/resourceGroups",
    resourceType: RESOURCE_GROUP_TYPE,
    action: "Microsoft.Resources/subscriptions/resourceGroups/read",
    listsBeneath: true,
    handler: (req) => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const page = req.ctx.resources.listChildren(
        `/subscriptions/${sub.subscriptionId}`,
        RESOURCE_GROUP_TYPE,
        skipTokenOf(req),
        req.ctx.config.pageSize,
      );
      page.items = page.items.filter((r) =>
        req.ctx.authorizer.isAllowed(req.caller, "Microsoft.Resources/subscriptions/resourceGroups/read", r.id),
      );
      return listResponse(req, page, view);
    },
  },
];
