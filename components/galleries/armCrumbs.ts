import type { Crumb } from "@/components/ui/Breadcrumbs";
import {
  applicationIdOf,
  applicationVersionIdOf,
  galleryIdOf,
  pageHref,
  imageIdOf,
  versionIdOf,
  type GalleryPath,
} from "@/lib/azure/routeParams";

/** Breadcrumbs that follow the ARM id: subscription › resource group › gallery › definition or application › version. */
export function armCrumbs(path: GalleryPath, subscriptionName: string): Crumb[] {
  const crumbs: Crumb[] = [
    { label: "Galleries", kind: "Home", href: "/" },
    { label: subscriptionName, kind: "Subscription" },
    { label: path.resourceGroupName, kind: "Resource group" },
    { label: path.galleryName, kind: "Gallery", href: pageHref(galleryIdOf(path)) },
  ];
  if (path.imageName) {
    crumbs.push({
      label: path.imageName,
      kind: "Image definition",
      href: pageHref(imageIdOf({ ...path, imageName: path.imageName })),
    });
    if (path.versionName) {
      crumbs.push({
        label: path.versionName,
        kind: "Image version",
        href: pageHref(versionIdOf({ ...path, imageName: path.imageName, versionName: path.versionName })),
      });
    }
  }
  if (path.applicationName) {
    const application = { ...path, applicationName: path.applicationName };
    crumbs.push({ label: path.applicationName, kind: "VM application", href: pageHref(applicationIdOf(application)) });
    if (path.versionName) {
      crumbs.push({
        label: path.versionName,
        kind: "Application version",
        href: pageHref(applicationVersionIdOf({ ...application, versionName: path.versionName })),
      });
    }
  }
  return crumbs;
}
