"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useFormContext } from "react-hook-form";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { inputClass, TextField } from "@/components/publish/fields";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { readCommunityGallery, type CommunityImageRead } from "@/lib/consumer/communityGalleries";
import { communityGalleryImageId } from "@/lib/gallery/community";
import { sourceIncompatibilities, type SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { regionDisplayName } from "@/lib/gallery/regions";

const SOURCE = "properties.storageProfile.source.communityGalleryImageId";

function reasonsFor(definition: SourceDefinitionTraits, image: CommunityImageRead, id: string): string[] {
  return sourceIncompatibilities(definition, {
    id,
    osType: image.osType,
    osState: image.osState,
    ...(image.securityType ? { securityType: image.securityType } : {}),
  }).map((reason) => reason.explanation);
}

/**
 * A community gallery's image version as the source: the gallery opened by its public name in the version's region
 * (only versions replicated there can be used), each version listed with why it cannot be used, if it cannot.
 */
export function CommunitySourcePicker({
  subscriptionId,
  location,
  definition,
}: {
  subscriptionId: string;
  location: string;
  definition: SourceDefinitionTraits;
}) {
  const arm = useArm();
  const { watch, setValue } = useFormContext();
  const id = useId();
  const [publicName, setPublicName] = useState("");
  const [opened, setOpened] = useState("");
  const chosen = (watch(SOURCE) as string | undefined) ?? "";
  const gallery = useQuery({
    queryKey: ["communityGallery", subscriptionId, location, opened.toLowerCase()],
    queryFn: () => readCommunityGallery(arm, subscriptionId, location, opened),
    enabled: opened !== "",
    retry: false,
  });
  const options = (gallery.data?.images ?? []).flatMap((image) =>
    image.versions.map((version) => {
      const imageId = communityGalleryImageId(gallery.data!.publicName, image.name, version.name);
      return { id: imageId, label: `${image.name} ${version.name}`, reasons: reasonsFor(definition, image, imageId) };
    }),
  );
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-name`} className="text-sm font-medium text-slate-800">
            Community gallery public name
          </label>
          <input
            id={`${id}-name`}
            value={publicName}
            onChange={(event) => setPublicName(event.target.value)}
            className={`${inputClass} w-72`}
          />
        </div>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={publicName.trim() === ""}
          onClick={() => setOpened(publicName.trim())}
        >
          Open gallery
        </button>
      </div>
      {gallery.isError && <ErrorPanel error={gallery.error} title="The community gallery could not be opened" />}
      {gallery.data && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-version`} className="text-sm font-medium text-slate-800">
            Community image version in {regionDisplayName(location)}
          </label>
          <select
            id={`${id}-version`}
            className={inputClass}
            value={options.some((option) => option.id === chosen) ? chosen : ""}
            onChange={(event) =>
              setValue(SOURCE, event.target.value, { shouldDirty: true, shouldTouch: true, shouldValidate: true })
            }
          >
            <option value="">
              {options.length === 0 ? "No version is replicated to this region" : "Choose an image version"}
            </option>
            {options.map((option) => (
              <option key={option.id} value={option.id} disabled={option.reasons.length > 0}>
                {option.label}
                {option.reasons.length > 0 ? ` — not selectable: ${option.reasons.join(" ")}` : ""}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        name={SOURCE}
        label="Community gallery image id"
        required
        hint="/CommunityGalleries/<public name>/Images/<image>/Versions/<version> — filled in by the choice above, or typed."
      />
    </div>
  );
}
