import { AZURE_REGIONS } from "../../lib/gallery/regions.js";
import { ArmErrors } from "../errors.js";
import type { ArmRequest, ArmRoute } from "../router.js";
import type { Subscription } from "../store/directory.js";

/** Subscriptions, tenants and locations (Microsoft.Resources), as `az account list` and the portal read them. */

function subscriptionView(s: Subscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

/** The subscription a request names, if the caller may see it; ARM answers SubscriptionNotFound otherwise. */
export function visibleSubscription(req: ArmRequest, subscriptionId: string): Subscription {
  const sub = req.ctx.directory.subscription(subscriptionId);
  if (!sub || !req.ctx.authorizer.hasAnyAccess(req.caller, sub.subscriptionId)) {
    throw ArmErrors.subscriptionNotFound(subscriptionId);
  }
  return sub;
}

export const subscriptionRoutes: ArmRoute[] = [
  {
    method: "GET",
    path: "/subscriptions",
    resourceType: "Microsoft.Resources/subscriptions",
    handler: (req) => {
      // Like ARM: the subscriptions of the token's tenant in which the caller holds any role assignment.
      const value = req.ctx.directory
        .subscriptions()
        .filter((s) => s.tenantId.toLowerCase() === req.caller.tenantId.toLowerCase())
        .filter((s) => req.ctx.authorizer.hasAnyAccess(req.caller, s.subscriptionId))
        .map(subscriptionView);
      return { status: 200, body: { value, count: { type: "Total", value: value.length } } };
    },
  },
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}",
    resourceType: "Microsoft.Resources/subscriptions",
    handler: (req) => ({ status: 200, body: subscriptionView(visibleSubscription(req, req.params.subscriptionId!)) }),
  },
  {
    method: "GET",
    path: "/tenants",
    resourceType: "Microsoft.Resources/tenants",
    handler: (req) => {
      const { directory, authorizer } = req.ctx;
      // The caller's home tenant plus every tenant where it holds access to a subscription (as a guest).
      const tenantIds = new Set([req.caller.tenantId.toLowerCase()]);
      for (const s of directory.subscriptions()) {
        if (authorizer.hasAnyAccess(req.caller, s.subscriptionId)) tenantIds.add(s.tenantId.toLowerCase());
      }
      const value = directory
        .tenants()
        .filter((t) => tenantIds.has(t.tenantId.toLowerCase()))
        .map((t) => ({
          id: `/tenants/${t.tenantId}`,
          tenantId: t.tenantId,
          countryCode: "US",
          displayName: t.displayName,
          domains: [t.defaultDomain],
          tenantCategory: t.tenantId.toLowerCase() === req.caller.tenantId.toLowerCase() ? "Home" : "ProjectedBy",
          defaultDomain: t.defaultDomain,
          tenantType: "AAD",
        }));
      return { status: 200, body: { value } };
    },
  },
  {
    method: "GET",
    path: "/subscriptions/{subscriptionId}/locations",
    resourceType: "Microsoft.Resources/subscriptions/locations",
    handler: (req) => {
      const sub = visibleSubscription(req, req.params.subscriptionId!);
      const value = AZURE_REGIONS.map((r) => ({
        id: `/subscriptions/${sub.subscriptionId}/locations/${r.name}`,
        name: r.name,
        type: "Region",
        displayName: r.displayName,
        regionalDisplayName: `(${r.geographyGroup}) ${r.displayName}`,
        metadata: {
          regionType: r.regionType,
          regionCategory: r.regionCategory,
          geography: r.geography,
          geographyGroup: r.geographyGroup,
          longitude: r.longitude,
          latitude: r.latitude,
          physicalLocation: r.physicalLocation,
          pairedRegion: r.pairedRegion
            ? [{ name: r.pairedRegion, id: `/subscriptions/${sub.subscriptionId}/locations/${r.pairedRegion}` }]
            : [],
        },
        availabilityZoneMappings: r.availabilityZones
          ? [1, 2, 3].map((z) => ({ logicalZone: String(z), physicalZone: `${r.name}-az${z}` }))
          : undefined,
      }));
      return { status: 200, body: { value } };
    },
  },
];
