import { describe, expect, it } from "vitest";
import {
  diskResourceId,
  galleryImageVersionResourceId,
  galleryApplicationVersionResourceId,
  galleryResourceId,
  managedImageResourceId,
  parentOf,
  parseResourceId,
  parseRoleAssignmentId,
  resourceIdFromRoutePath,
  roleAssignmentResourceId,
  routePathFromResourceId,
  sameResourceId,
  scopeChain,
  snapshotResourceId,
  virtualMachineResourceId,
} from "./resourceId";

const sub = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
const version = galleryImageVersionResourceId(sub, "Images-RG", "corpGallery", "ubuntu-22.04", "1.0.0");

describe("resource ids", () => {
  it("formats ARM ids", () => {
    expect(version).toBe(
      `/subscriptions/${sub}/resourceGroups/Images-RG/providers/Microsoft.Compute/galleries/corpGallery/images/ubuntu-22.04/versions/1.0.0`,
    );
    expect(virtualMachineResourceId(sub, "rg", "vm1")).toBe(
      `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`,
    );
  });

  it("parses ids in odd casing, keeping names as given", () => {
    const parsed = parseResourceId(
      `/SUBSCRIPTIONS/${sub}/resourcegroups/Images-RG/PROVIDERS/microsoft.compute/Galleries/corpGallery/IMAGES/Ubuntu/Versions/1.0.0`,
    );
    expect(parsed).toMatchObject({
      kind: "galleryImageVersion",
      subscriptionId: sub,
      resourceGroup: "Images-RG",
      gallery: "corpGallery",
      galleryImage: "Ubuntu",
      galleryImageVersion: "1.0.0",
      name: "1.0.0",
      id: `/subscriptions/${sub}/resourceGroups/Images-RG/providers/Microsoft.Compute/galleries/corpGallery/images/Ubuntu/versions/1.0.0`,
    });
  });

  it("tells the kinds of version sources apart", () => {
    expect(parseResourceId(managedImageResourceId(sub, "rg", "img"))?.kind).toBe("managedImage");
    expect(parseResourceId(diskResourceId(sub, "rg", "d"))?.kind).toBe("disk");
    expect(parseResourceId(snapshotResourceId(sub, "rg", "s"))?.kind).toBe("snapshot");
    expect(
      parseResourceId(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa`)?.kind,
    ).toBe("other");
  });

  it("normalises doubled slashes and refuses what is not an ARM id", () => {
    expect(parseResourceId(`//subscriptions/${sub}//resourceGroups/rg/`)?.id).toBe(
      `/subscriptions/${sub}/resourceGroups/rg`,
    );
    expect(parseResourceId("not-an-id")).toBeUndefined();
    expect(
      parseResourceId(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/galleries`),
    ).toBeUndefined();
    expect(parseResourceId(`/subscriptions/${sub}/locations/westeurope`)).toBeUndefined();
  });

  it("compares ids ignoring case", () => {
    expect(sameResourceId(version, version.toUpperCase())).toBe(true);
    expect(sameResourceId(version, version.replace("1.0.0", "1.0.1"))).toBe(false);
  });
});

describe("ancestry", () => {
  it("walks up from a version to its subscription", () => {
    expect(scopeChain(version.toLowerCase().replace("microsoft.compute", "MICROSOFT.COMPUTE"))).toEqual([
      `/subscriptions/${sub}/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/corpgallery/images/ubuntu-22.04/versions/1.0.0`,
      `/subscriptions/${sub}/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/corpgallery/images/ubuntu-22.04`,
      `/subscriptions/${sub}/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/corpgallery`,
      `/subscriptions/${sub}/resourceGroups/images-rg`,
      `/subscriptions/${sub}`,
    ]);
    expect(parentOf(`/subscriptions/${sub}`)).toBeUndefined();
    expect(parentOf(galleryResourceId(sub, "rg", "g"))).toBe(`/subscriptions/${sub}/resourceGroups/rg`);
  });

  it("splits role assignment ids into scope and name", () => {
    const scope = galleryResourceId(sub, "rg", "g");
    const id = roleAssignmentResourceId(scope, "11111111-2222-3333-4444-555555555555");
    expect(parseRoleAssignmentId(id)).toEqual({ scope, name: "11111111-2222-3333-4444-555555555555" });
    expect(parseRoleAssignmentId(id.toLowerCase())?.scope).toBe(scope.toLowerCase());
    expect(parseRoleAssignmentId("/providers/Microsoft.Authorization/roleAssignments/x")).toEqual({
      scope: "/",
      name: "x",
    });
    expect(parseRoleAssignmentId(scope)).toBeUndefined();
  });
});

describe("dashboard routes", () => {
  it("mirrors ARM ids without the provider segment, both ways", () => {
    const route = `/subscriptions/${sub}/resourceGroups/Images-RG/galleries/corpGallery/images/ubuntu-22.04/versions/1.0.0`;
    expect(routePathFromResourceId(version)).toBe(route);
    expect(resourceIdFromRoutePath(route)).toBe(version);
    expect(resourceIdFromRoutePath(`/subscriptions/${sub}/resourceGroups/rg`)).toBe(
      `/subscriptions/${sub}/resourceGroups/rg`,
    );
    expect(resourceIdFromRoutePath(`/subscriptions/${sub}/resourcegroups/rg/galleries/g?tab=sharing`)).toBe(
      galleryResourceId(sub, "rg", "g"),
    );
  });

  it("encodes names that need it and refuses unknown route shapes", () => {
    const id = galleryResourceId(sub, "rg (prod)", "g");
    expect(routePathFromResourceId(id)).toBe(`/subscriptions/${sub}/resourceGroups/rg%20(prod)/galleries/g`);
    expect(resourceIdFromRoutePath(routePathFromResourceId(id)!)).toBe(id);
    expect(resourceIdFromRoutePath(`/subscriptions/${sub}/resourceGroups/rg/images/i`)).toBeUndefined();
    expect(resourceIdFromRoutePath(`/subscriptions/${sub}/resourceGroups/rg%zz/galleries/g`)).toBeUndefined();
    expect(routePathFromResourceId(diskResourceId(sub, "rg", "d"))).toBeUndefined();
  });

  it("addresses applications, scripts and access control profiles and their versions like image versions", () => {
    const application = galleryApplicationVersionResourceId(sub, "rg", "apps", "agent", "1.2.0");
    const route = `/subscriptions/${sub}/resourceGroups/rg/galleries/apps/applications/agent/versions/1.2.0`;
    expect(parseResourceId(application)).toMatchObject({
      kind: "galleryApplicationVersion",
      gallery: "apps",
      galleryApplication: "agent",
      galleryApplicationVersion: "1.2.0",
    });
    expect(routePathFromResourceId(application)).toBe(route);
    expect(resourceIdFromRoutePath(route)).toBe(application);
    const profile = `${galleryResourceId(sub, "rg", "g")}/inVMAccessControlProfiles/p/versions/1.0.0`;
    expect(parseResourceId(profile.toLowerCase())?.kind).toBe("galleryInVMAccessControlProfileVersion");
    expect(resourceIdFromRoutePath(routePathFromResourceId(profile)!)).toBe(profile);
    expect(parseResourceId(`${galleryResourceId(sub, "rg", "g")}/scripts/s`)?.kind).toBe("galleryScript");
    expect(resourceIdFromRoutePath(`/subscriptions/${sub}/resourceGroups/rg/galleries/g/widgets/w`)).toBeUndefined();
  });
});
