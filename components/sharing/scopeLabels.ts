import { levelOfScope } from "@/lib/access/accessNote";
import { parseResourceId } from "@/lib/azure/resourceId";

/** "gallery 'contoso_images'", "resource group 'rg-images'", "subscription 'c000…'" for a scope id. */
export function scopeLabel(scopeId: string, subscriptionName?: (subscriptionId: string) => string): string {
  const parsed = parseResourceId(scopeId);
  const level = levelOfScope(scopeId);
  if (level === "root") return "the tenant root";
  // A subscription is known to people by its name; its id only where the name cannot be read.
  const subscription = parsed?.subscriptionId && (subscriptionName?.(parsed.subscriptionId) ?? parsed.subscriptionId);
  if (level === "subscription") return `subscription '${subscription ?? scopeId}'`;
  if (level === "resource group")
    return `resource group '${parsed?.resourceGroup}'${subscriptionName && subscription ? ` in '${subscription}'` : ""}`;
  const name =
    parsed?.galleryImageVersion ??
    parsed?.galleryImage ??
    parsed?.galleryApplicationVersion ??
    parsed?.galleryApplication ??
    parsed?.gallery;
  return `${level} '${name ?? scopeId}'`;
}

export function sameScope(a: string, b: string): boolean {
  return a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();
}

/** Where the assignments of a scope are listed in the dashboard. */
export function accessHref(scopeId: string): string {
  return `/access?scope=${encodeURIComponent(scopeId)}`;
}

export function shareHref(scopeId: string): string {
  return `/share?scope=${encodeURIComponent(scopeId)}`;
}
