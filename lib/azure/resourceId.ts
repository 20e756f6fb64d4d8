/**
 * ARM resource ids: parse, format, walk up. ARM matches segment names (resourceGroups, providers, galleries…)
 * case-insensitively and keeps resource names as the caller gave them; so does this module.
 * Pure and free of path aliases: the emulator imports it by relative path.
 */

export type ArmResourceKind =
  | "subscription"
  | "resourceGroup"
  | "gallery"
  | "galleryImage"
  | "galleryImageVersion"
  | "galleryApplication"
  | "galleryApplicationVersion"
  | "galleryScript"
  | "galleryScriptVersion"
  | "galleryInVMAccessControlProfile"
  | "galleryInVMAccessControlProfileVersion"
  | "managedImage"
  | "disk"
  | "snapshot"
  | "virtualMachine"
  | "roleAssignment"
  | "other";

export interface ParsedResourceId {
  kind: ArmResourceKind;
  /** The id rebuilt with ARM's canonical segment casing and the names as given. */
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  /** e.g. `Microsoft.Compute`, for ids below a provider. */
  provider?: string;
  /** Type segments below the provider, e.g. `["galleries", "images"]`. */
  types: string[];
  /** Names matching `types`, e.g. `["myGallery", "ubuntu"]`. */
  names: string[];
  /** The last name in the id (subscription id, resource group or resource name). */
  name: string;
  gallery?: string;
  galleryImage?: string;
  galleryImageVersion?: string;
  galleryApplication?: string;
  galleryApplicationVersion?: string;
}

const CANONICAL_TYPES: Record<string, string> = {
  galleries: "galleries",
  images: "images",
  versions: "versions",
  applications: "applications",
  scripts: "scripts",
  invmaccesscontrolprofiles: "inVMAccessControlProfiles",
  disks: "disks",
  snapshots: "snapshots",
  virtualmachines: "virtualMachines",
  roleassignments: "roleAssignments",
};

const CANONICAL_PROVIDERS: Record<string, string> = {
  "microsoft.compute": "Microsoft.Compute",
  "microsoft.authorization": "Microsoft.Authorization",
};

function segmentsOf(id: string): string[] {
  return id.split("/").filter((segment) => segment.length > 0);
}

/** The gallery artifacts below a gallery (type path below `galleries/{g}`) and their kinds, artifact then version. */
const GALLERY_ARTIFACTS: Record<string, readonly [ArmResourceKind, ArmResourceKind]> = {
  images: ["galleryImage", "galleryImageVersion"],
  applications: ["galleryApplication", "galleryApplicationVersion"],
  scripts: ["galleryScript", "galleryScriptVersion"],
  invmaccesscontrolprofiles: ["galleryInVMAccessControlProfile", "galleryInVMAccessControlProfileVersion"],
};

const GALLERY_KINDS = new Set<ArmResourceKind>(["gallery", ...Object.values(GALLERY_ARTIFACTS).flat()]);

/** Whether a kind is a gallery or something in one (an artifact or its version), which has a dashboard page. */
export function isGalleryKind(kind: ArmResourceKind | undefined): boolean {
  return kind !== undefined && GALLERY_KINDS.has(kind);
}

function kindOf(provider: string | undefined, types: readonly string[]): ArmResourceKind {
  const lower = types.map((type) => type.toLowerCase());
  const path = lower.join("/");
  if (provider?.toLowerCase() === "microsoft.authorization" && path === "roleassignments") return "roleAssignment";
  if (provider?.toLowerCase() !== "microsoft.compute") return "other";
  const artifact = lower[0] === "galleries" ? GALLERY_ARTIFACTS[lower[1] ?? ""] : undefined;
  if (artifact && lower.length === 2) return artifact[0];
  if (artifact && lower.length === 3 && lower[2] === "versions") return artifact[1];
  switch (path) {
    case "galleries":
      return "gallery";
    case "images":
      return "managedImage";
    case "disks":
      return "disk";
    case "snapshots":
      return "snapshot";
    case "virtualmachines":
      return "virtualMachine";
    default:
      return "other";
  }
}

/**
 * Parses `/subscriptions/{s}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}…]]]`.
 * Returns undefined for anything else (a role assignment below a resource is parsed by parseRoleAssignmentId).
 */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const segments = segmentsOf(id);
  if (segments.length < 2 || segments[0]!.toLowerCase() !== "subscriptions") return undefined;
  const subscriptionId = segments[1]!;
  if (segments.length === 2) {
    return {
      kind: "subscription",
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      types: [],
      names: [],
      name: subscriptionId,
    };
  }
  if (segments[2]!.toLowerCase() !== "resourcegroups" || segments.length < 4) return undefined;
  const resourceGroup = segments[3]!;
  const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  if (segments.length === 4) {
    return {
      kind: "resourceGroup",
      id: groupId,
      subscriptionId,
      resourceGroup,
      types: [],
      names: [],
      name: resourceGroup,
    };
  }
  const rest = segments.slice(4);
  if (rest[0]!.toLowerCase() !== "providers" || rest.length < 4 || rest.length % 2 !== 0) return undefined;
  const provider = CANONICAL_PROVIDERS[rest[1]!.toLowerCase()] ?? rest[1]!;
  const pairs = rest.slice(2);
  const types = pairs.filter((_, index) => index % 2 === 0).map((type) => CANONICAL_TYPES[type.toLowerCase()] ?? type);
  const names = pairs.filter((_, index) => index % 2 === 1);
  const kind = kindOf(provider, types);
  const parsed: ParsedResourceId = {
    kind,
    id: `${groupId}/providers/${provider}/${types.map((type, index) => `${type}/${names[index]}`).join("/")}`,
    subscriptionId,
    resourceGroup,
    provider,
    types,
    names,
    name: names.at(-1)!,
  };
  if (isGalleryKind(kind)) parsed.gallery = names[0];
  if (kind === "galleryImage" || kind === "galleryImageVersion") parsed.galleryImage = names[1];
  if (kind === "galleryImageVersion") parsed.galleryImageVersion = names[2];
  if (kind === "galleryApplication" || kind === "galleryApplicationVersion") parsed.galleryApplication = names[1];
  if (kind === "galleryApplicationVersion") parsed.galleryApplicationVersion = names[2];
  return parsed;
}

export function subscriptionResourceId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

export function resourceGroupResourceId(subscriptionId: string, resourceGroup: string): string {
  return `${subscriptionResourceId(subscriptionId)}/resourceGroups/${resourceGroup}`;
}

function computeId(subscriptionId: string, resourceGroup: string, path: string): string {
  return `${resourceGroupResourceId(subscriptionId, resourceGroup)}/providers/Microsoft.Compute/${path}`;
}

export function galleryResourceId(subscriptionId: string, resourceGroup: string, gallery: string): string {
  return computeId(subscriptionId, resourceGroup, `galleries/${gallery}`);
}

export function galleryImageResourceId(
  subscriptionId: string,
  resourceGroup: string,
  gallery: string,
  image: string,
): string {
  return `${galleryResourceId(subscriptionId, resourceGroup, gallery)}/images/${image}`;
}

export function galleryImageVersionResourceId(
  subscriptionId: string,
  resourceGroup: string,
  gallery: string,
  image: string,
  version: string,
): string {
  return `${galleryImageResourceId(subscriptionId, resourceGroup, gallery, image)}/versions/${version}`;
}

export function galleryApplicationResourceId(
  subscriptionId: string,
  resourceGroup: string,
  gallery: string,
  application: string,
): string {
  return `${galleryResourceId(subscriptionId, resourceGroup, gallery)}/applications/${application}`;
}

export function galleryApplicationVersionResourceId(
  subscriptionId: string,
  resourceGroup: string,
  gallery: string,
  application: string,
  version: string,
): string {
  return `${galleryApplicationResourceId(subscriptionId, resourceGroup, gallery, application)}/versions/${version}`;
}

export function managedImageResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return computeId(subscriptionId, resourceGroup, `images/${name}`);
}

export function diskResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return computeId(subscriptionId, resourceGroup, `disks/${name}`);
}

export function snapshotResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return computeId(subscriptionId, resourceGroup, `snapshots/${name}`);
}

export function virtualMachineResourceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return computeId(subscriptionId, resourceGroup, `virtualMachines/${name}`);
}

export function roleAssignmentResourceId(scope: string, name: string): string {
  return `${scope.replace(/\/+$/, "")}/providers/Microsoft.Authorization/roleAssignments/${name}`;
}

/** Splits `{scope}/providers/Microsoft.Authorization/roleAssignments/{name}` into its scope and name. */
export function parseRoleAssignmentId(id: string): { scope: string; name: string } | undefined {
  const match = /^(.*)\/providers\/microsoft\.authorization\/roleassignments\/([^/]+)\/?$/i.exec(
    id.replace(/\/{2,}/g, "/"),
  );
  if (!match) return undefined;
  return { scope: match[1] || "/", name: match[2]! };
}

/** Ids name the same resource when they match segment for segment, ignoring case (as ARM does). */
export function sameResourceId(a: string, b: string): boolean {
  return segmentsOf(a).join("/").toLowerCase() === segmentsOf(b).join("/").toLowerCase();
}

/** The id one level up: version → definition → gallery → resource group → subscription → undefined. */
export function parentOf(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (!parsed || parsed.kind === "subscription") return undefined;
  if (parsed.kind === "resourceGroup") return subscriptionResourceId(parsed.subscriptionId);
  if (parsed.types.length === 1) return resourceGroupResourceId(parsed.subscriptionId, parsed.resourceGroup!);
  const types = parsed.types.slice(0, -1);
  const path = types.map((type, index) => `${type}/${parsed.names[index]}`).join("/");
  return `${resourceGroupResourceId(parsed.subscriptionId, parsed.resourceGroup!)}/providers/${parsed.provider}/${path}`;
}

/**
 * The id and every ancestor up to its subscription, nearest first: the scopes whose role assignments
 * apply to it, since Azure RBAC is inherited downwards.
 */
export function scopeChain(id: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = parseResourceId(id)?.id; current; current = parentOf(current))
    chain.push(current);
  return chain;
}

/** The type segments a dashboard URL may hold below a resource group: a gallery, an artifact in it, a version of that. */
const ROUTE_ARTIFACTS = ["images", "applications", "scripts", "inVMAccessControlProfiles"] as const;

/**
 * The dashboard's URL for an id: ARM's path without `providers/Microsoft.Compute`, each name URI-encoded
 * (`/subscriptions/{s}/resourceGroups/{rg}/galleries/{g}/images/{i}/versions/{v}`, and likewise for
 * applications, scripts and inVMAccessControlProfiles).
 */
export function routePathFromResourceId(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (!parsed) return undefined;
  const encode = encodeURIComponent;
  if (parsed.kind === "subscription") return `/subscriptions/${encode(parsed.subscriptionId)}`;
  const group = `/subscriptions/${encode(parsed.subscriptionId)}/resourceGroups/${encode(parsed.resourceGroup!)}`;
  if (parsed.kind === "resourceGroup") return group;
  if (!isGalleryKind(parsed.kind)) return undefined;
  return group + parsed.names.map((name, index) => `/${parsed.types[index]}/${encode(name)}`).join("");
}

/** The ARM id for a dashboard URL made by routePathFromResourceId; undefined for any other path. */
export function resourceIdFromRoutePath(path: string): string | undefined {
  let segments: string[];
  try {
    segments = segmentsOf(path.split(/[?#]/)[0]!).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined; // A malformed %-escape: no URL this function made.
  }
  if (segments.length < 2 || segments[0]!.toLowerCase() !== "subscriptions") return undefined;
  const [, subscriptionId, groupsSegment, resourceGroup, ...rest] = segments;
  if (segments.length === 2) return subscriptionResourceId(subscriptionId!);
  if (groupsSegment?.toLowerCase() !== "resourcegroups" || resourceGroup === undefined) return undefined;
  if (rest.length === 0) return resourceGroupResourceId(subscriptionId!, resourceGroup);
  if (rest.length % 2 !== 0 || rest.length > 6 || rest[0]!.toLowerCase() !== "galleries") return undefined;
  const artifact = rest[2] && ROUTE_ARTIFACTS.find((type) => type.toLowerCase() === rest[2]!.toLowerCase());
  if (rest.length >= 4 && !artifact) return undefined;
  if (rest.length === 6 && rest[4]!.toLowerCase() !== "versions") return undefined;
  const types = ["galleries", artifact, "versions"].slice(0, rest.length / 2);
  return computeId(
    subscriptionId!,
    resourceGroup,
    types.map((type, index) => `${type}/${rest[index * 2 + 1]}`).join("/"),
  );
}
