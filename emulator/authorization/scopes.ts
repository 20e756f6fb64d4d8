/**
 * Microsoft.Authorization is an extension provider: its paths hang below any scope. The core router matches
 * fixed templates, so each supported scope depth gets a template: the tenant root, a subscription, a resource
 * group, and a provider resource with up to three levels of nested types (gallery → definition → version).
 */
const SCOPE_TEMPLATES = [
  "",
  "/subscriptions/{subscriptionId}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{type1}/{name1}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{type1}/{name1}/{type2}/{name2}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{type1}/{name1}/{type2}/{name2}/{type3}/{name3}",
];

const AUTHORIZATION_PROVIDER = "/providers/Microsoft.Authorization/";

/** The templates for `{scope}{suffix}`, e.g. suffix `/providers/Microsoft.Authorization/roleAssignments`. */
export function scopedPaths(suffix: string, { tenantRoot = false } = {}): string[] {
  return SCOPE_TEMPLATES.filter((t) => tenantRoot || t !== "").map((t) => `${t}${suffix}`);
}

/** The scope of an Authorization path: everything before its last `/providers/Microsoft.Authorization/`, `/` for the root. */
export function scopeOfPath(path: string): string {
  const at = path.toLowerCase().lastIndexOf(AUTHORIZATION_PROVIDER.toLowerCase());
  const raw = path.slice(0, at);
  let scope: string;
  try {
    scope = decodeURIComponent(raw);
  } catch {
    scope = raw;
  }
  return scope || "/";
}

export function normalizeScope(scope: string): string {
  const trimmed = `/${scope.replace(/^\/+|\/+$/g, "")}`;
  return trimmed.replace(/\/{2,}/g, "/");
}

/** Whether `ancestor` is `scope` itself or one of the scopes that contain it; case-insensitive. */
export function isAtOrAbove(ancestor: string, scope: string): boolean {
  const a = normalizeScope(ancestor).toLowerCase();
  const s = normalizeScope(scope).toLowerCase();
  return a === "/" || s === a || s.startsWith(`${a}/`);
}

/** The subscription-relative prefix ARM gives role definition ids read at a scope ('' at the tenant root). */
export function roleDefinitionPrefix(scope: string): string {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  return sub ? `/subscriptions/${sub}` : "";
}
