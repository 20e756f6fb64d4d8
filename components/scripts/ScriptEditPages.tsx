"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { ScriptForm, ScriptVersionForm } from "@/components/scripts/ScriptForms";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import type { GalleryScriptProperties } from "@/lib/gallery/galleryScript";
import { scriptQueries } from "@/lib/queries/galleryScripts";

// The edit pages apart from the script pages that show: each route's first load carries the forms (react-hook-form,
// the zod schemas) only where a form is shown (docs/performance.md).

const isoDate = (value: Date | string | undefined) =>
  value === undefined ? undefined : typeof value === "string" ? value : value.toISOString();

/** The edit page of a script: the form filled with the script as it is. */
export function ScriptEdit({ path }: { path: GalleryArtifactPath }) {
  const arm = useArm();
  const script = useQuery(scriptQueries.detail(arm, galleryArtifactId(path)));
  if (script.isError) return <ErrorPanel error={script.error} title="The script could not be read" />;
  if (!script.data?.properties) return <Spinner label="Reading the script…" />;
  const { provisioningState: _state, endOfLifeDate, ...properties } = script.data.properties;
  const stored: GalleryScriptProperties = {
    ...properties,
    supportedOSType: properties.supportedOSType as GalleryScriptProperties["supportedOSType"],
    ...(endOfLifeDate ? { endOfLifeDate: isoDate(endOfLifeDate) } : {}),
  };
  return (
    <ScriptForm
      gallery={path}
      stored={{
        name: path.artifactName,
        location: script.data.location,
        properties: stored,
        ...(script.data.tags ? { tags: script.data.tags } : {}),
      }}
    />
  );
}

/** The edit page of a script version. */
export function ScriptVersionEdit({ path }: { path: GalleryArtifactPath & { versionName: string } }) {
  const arm = useArm();
  const version = useQuery({ ...scriptQueries.version(arm, galleryArtifactId(path)), refetchInterval: false });
  if (version.isError) return <ErrorPanel error={version.error} title="The script version could not be read" />;
  if (!version.data) return <Spinner label="Reading the script version…" />;
  const { publishingProfile, safetyProfile } = version.data.properties;
  return (
    <ScriptVersionForm
      script={{ ...path, versionName: undefined }}
      stored={{
        name: path.versionName,
        location: version.data.location,
        properties: { publishingProfile, ...(safetyProfile ? { safetyProfile } : {}) },
        ...(version.data.tags ? { tags: version.data.tags } : {}),
      }}
    />
  );
}
