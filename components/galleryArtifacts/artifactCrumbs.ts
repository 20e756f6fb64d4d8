import { armCrumbs } from "@/components/galleries/armCrumbs";
import type { Crumb } from "@/components/ui/Breadcrumbs";
import { galleryArtifactHref, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";

const KINDS: Record<GalleryArtifactPath["collection"], { artifact: string; version: string }> = {
  applications: { artifact: "VM Application", version: "Application version" },
  scripts: { artifact: "Gallery script", version: "Script version" },
  inVMAccessControlProfiles: { artifact: "Access control profile", version: "Profile version" },
};

/** Breadcrumbs that follow the ARM id down to an artifact (and its version). */
export function artifactCrumbs(path: GalleryArtifactPath, subscriptionName: string): Crumb[] {
  const kinds = KINDS[path.collection];
  const crumbs = armCrumbs(path, subscriptionName);
  crumbs.push({
    label: path.artifactName,
    kind: kinds.artifact,
    href: galleryArtifactHref({ ...path, versionName: undefined }),
  });
  if (path.versionName) crumbs.push({ label: path.versionName, kind: kinds.version, href: galleryArtifactHref(path) });
  return crumbs;
}
