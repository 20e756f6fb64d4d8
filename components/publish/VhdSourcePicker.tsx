"use client";

import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { inputClass, SelectField, TextField } from "@/components/publish/fields";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { sourceIncompatibilities, type SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";
import { BlobListingRefused } from "@/components/storage/BlobListingRefused";
import { useAccountBlobs } from "@/components/storage/useAccountBlobs";

const ACCOUNT = "properties.storageProfile.osDiskImage.source.storageAccountId";
const URI = "properties.storageProfile.osDiskImage.source.uri";

const VHD_SUFFIXES = [".vhd"];

/**
 * A VHD as the OS disk's source: a storage account of the gallery's subscription in the version's region, and a
 * blob of it. The emulator lists an account's blobs from its registry; against Azure they are listed through the
 * account's Blob service with the user's storage token, and where that is refused (no data role, no CORS rule, no
 * network access) the blob's URI is typed, with the reason shown.
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
  const { watch, setValue } = useFormContext();
  const id = useId();
  const accountId = (watch(ACCOUNT) as string | undefined) ?? "";
  const uri = (watch(URI) as string | undefined) ?? "";
  const { accounts, account, blobs } = useAccountBlobs(subscriptionId, accountId, VHD_SUFFIXES);
  const blobChoices = blobs.data ?? [];
  const choices = [...(accounts.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((account) => {
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
      {accountId !== "" && !blobs.isError && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-blob`} className="text-sm font-medium text-slate-800">
            VHD blob
          </label>
          <select
            id={`${id}-blob`}
            className={inputClass}
            value={blobChoices.some((blob) => blob.uri === uri) ? uri : ""}
            onChange={(event) =>
              setValue(URI, event.target.value, { shouldDirty: true, shouldTouch: true, shouldValidate: true })
            }
          >
            <option value="">{blobs.isPending ? "Listing blobs…" : "Choose a blob"}</option>
            {blobChoices.map((blob) => {
              const reasons = sourceIncompatibilities(definition, {
                id: blob.uri,
                ...(blob.osType ? { osType: blob.osType } : {}),
              }).map((reason) => reason.explanation);
              return (
                <option key={blob.uri} value={blob.uri} disabled={reasons.length > 0}>
                  {blob.container}/{blob.name}
                  {blob.sizeGB !== undefined ? ` · ${blob.sizeGB} GB` : ""}
                  {blob.osType ? ` · ${blob.osType}` : ""}
                  {reasons.length > 0 ? ` — not selectable: ${reasons.join(" ")}` : ""}
                </option>
              );
            })}
          </select>
        </div>
      )}
      {blobs.isError && (
        <BlobListingRefused
          accountName={account?.name ?? accountId}
          error={blobs.error}
          instead="Type the VHD's URI below."
        />
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
