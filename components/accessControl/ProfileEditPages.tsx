"use client";

import { useQuery } from "@tanstack/react-query";
import { ProfileForm, ProfileVersionForm } from "@/components/accessControl/ProfileForms";
import { useArm } from "@/components/layout/ArmContext";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { InVMAccessControlProfileProperties } from "@/lib/gallery/inVMAccessControl";
import { accessControlProfileQueries } from "@/lib/queries/galleryInVMAccessControlProfiles";

// The edit pages apart from the profile pages that show: each route's first load carries the forms (react-hook-form,
// the zod schemas) only where a form is shown (docs/performance.md).

/** The edit page of a profile: the form filled with the profile as it is. */
export function ProfileEdit({ path }: { path: GalleryArtifactPath }) {
  const arm = useArm();
  const profile = useQuery(accessControlProfileQueries.detail(arm, galleryArtifactId(path)));
  if (profile.isError) return <ErrorPanel error={profile.error} title="The profile could not be read" />;
  if (!profile.data?.properties) return <Spinner label="Reading the profile…" />;
  const { osType, applicableHostEndpoint, description } = profile.data.properties;
  return (
    <ProfileForm
      gallery={path}
      stored={{
        name: path.artifactName,
        location: profile.data.location,
        properties: {
          osType: osType as InVMAccessControlProfileProperties["osType"],
          applicableHostEndpoint,
          ...(description !== undefined ? { description } : {}),
        },
        ...(profile.data.tags ? { tags: profile.data.tags } : {}),
      }}
    />
  );
}

/** The edit page of a profile version. */
export function ProfileVersionEdit({ path }: { path: GalleryArtifactPath & { versionName: string } }) {
  const arm = useArm();
  const version = useQuery({
    ...accessControlProfileQueries.version(arm, galleryArtifactId(path)),
    refetchInterval: false,
  });
  if (version.isError) return <ErrorPanel error={version.error} title="The profile version could not be read" />;
  if (!version.data) return <Spinner label="Reading the profile version…" />;
  const { mode, defaultAccess, rules, targetLocations, excludeFromLatest } = version.data.properties;
  return (
    <ProfileVersionForm
      profile={{ ...path, versionName: undefined }}
      stored={{
        name: path.versionName,
        location: version.data.location,
        properties: {
          mode,
          defaultAccess,
          ...(rules ? { rules } : {}),
          ...(targetLocations ? { targetLocations } : {}),
          ...(excludeFromLatest !== undefined ? { excludeFromLatest } : {}),
        },
        ...(version.data.tags ? { tags: version.data.tags } : {}),
      }}
    />
  );
}
