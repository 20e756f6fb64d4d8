"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { useArm, useRuntimeConfig } from "@/components/layout/ArmContext";
import { inputClass, SelectField, TextField } from "@/components/publish/fields";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { sourceIncompatibilities, type SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";
import { publishingOptionQueries } from "@/lib/queries/publishingOptions";

const ACCOUNT = "properties.storageProfile.osDiskImage.source.storageAccountId";
const URI = "properties.storageProfile.osDiskImage.source.uri";

/**
 * A VHD as the OS disk's source: a storage account of the gallery's subscription in the version's region, and a
 * blob of it. The emulator lists an account's blobs; against Azure the blob's URI is typed (listing blobs is the
 * storage data plane's, outside ARM).
 */
export function VhdSourcePicker({
  subscriptionId,
  location,
  definition,
}: {
  subscriptionId: string;
  location: string;
  definition: SourceDefinitionTraits;
}) {
  const arm = useArm();
  const config = useRuntimeConfig();
  const { watch, setValue } = useFormContext();
  const id = useId();
  const accountId = (watch(ACCOUNT) as string | undefined) ?? "";
  const uri = (watch(URI) as string | undefined) ?? "";
  const accounts = useQuery(publishingOptionQueries.storageAccounts(arm, subscriptionId));
  const blobs = useQuery({
    ...publishingOptionQueries.emulatorBlobs(arm, accountId),
    enabled: config.mode === "emulator" && accountId !== "",
  });
  const choices = (accounts.data ?? []).map((account) => {
    const here = sameLocation(account.location, location);
    return {
      value: account.id,
      label: here
        ? account.name
        : `${account.name} (in ${regionDisplayName(account.location)}: a VHD must be in ${regionDisplayName(location)})`,
      disabled: !here,
    };
  });
  return (
    <div className="grid gap-3">
      {accounts.isError && <ErrorPanel error={accounts.error} title="The storage accounts could not be listed" />}
      <SelectField
        name={ACCOUNT}
        label="Storage account"
        required
        placeholder={accounts.isPending ? "Listing storage accounts…" : "Choose a storage account"}
        choices={choices}
        hint={`The account holding the VHD, in ${regionDisplayName(location)} (the version's region).`}
      />
      {config.mode === "emulator" && accountId !== "" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-blob`} className="text-sm font-medium text-slate-800">
            VHD blob
          </label>
          <select
            id={`${id}-blob`}
            className={inputClass}
            value={(blobs.data ?? []).some((blob) => blob.uri === uri) ? uri : ""}
            onChange={(event) =>
              setValue(URI, event.target.value, { shouldDirty: true, shouldTouch: true, shouldValidate: true })
            }
          >
            <option value="">{blobs.isPending ? "Listing blobs…" : "Choose a blob"}</option>
            {(blobs.data ?? []).map((blob) => {
              const reasons = sourceIncompatibilities(definition, {
                id: blob.uri,
                ...(blob.osType ? { osType: blob.osType } : {}),
              }).map((reason) => reason.explanation);
              return (
                <option key={blob.uri} value={blob.uri} disabled={reasons.length > 0}>
                  {blob.container}/{blob.name} · {blob.sizeGB} GB{blob.osType ? ` · ${blob.osType}` : ""}
                  {reasons.length > 0 ? ` — not selectable: ${reasons.join(" ")}` : ""}
                </option>
              );
            })}
          </select>
          {blobs.isError && <ErrorPanel error={blobs.error} title="The blobs could not be listed" />}
        </div>
      )}
      <TextField
        name={URI}
        label="VHD blob URI"
        required
        hint="https://<account>.blob.core.windows.net/<container>/<blob>.vhd — filled in by the choice above, or typed."
      />
    </div>
  );
}
