"use client";

import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { inputClass, SelectField, TextField } from "@/components/publish/fields";
import { BlobListingRefused } from "@/components/storage/BlobListingRefused";
import { useAccountBlobs } from "@/components/storage/useAccountBlobs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { sourceIncompatibilities, type SourceDefinitionTraits } from "@/lib/gallery/galleryImage";
import { regionDisplayName, sameLocation } from "@/lib/gallery/regions";

const VHD_SUFFIXES = [".vhd"];

/**
 * A storage account and one of its VHD blobs (or its URI typed). `label` prefixes every control's label (a data
 * disk's "Data disk 1 "); `definition`, for the OS disk, marks blobs of another OS type as not selectable.
 */
export function VhdBlobFields({
  accountField,
  uriField,
  label,
  subscriptionId,
  location,
  definition,
}: {
  accountField: string;
  uriField: string;
  label: string;
  subscriptionId: string;
  location: string;
  definition?: SourceDefinitionTraits;
}) {
  const { watch, setValue } = useFormContext();
  const id = useId();
  const accountId = (watch(accountField) as string | undefined) ?? "";
  const uri = (watch(uriField) as string | undefined) ?? "";
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
  // "Storage account" reads "Data disk 1 storage account" after a prefix; "VHD blob" keeps its capitals.
  const labelOf = (text: string) =>
    !label ? text : /^[A-Z][a-z]/.test(text) ? `${label}${text[0]!.toLowerCase()}${text.slice(1)}` : `${label}${text}`;
  return (
    <>
      {accounts.isError && <ErrorPanel error={accounts.error} title="The storage accounts could not be listed" />}
      <SelectField
        name={accountField}
        label={labelOf("Storage account")}
        required
        placeholder={accounts.isPending ? "Listing storage accounts…" : "Choose a storage account"}
        choices={choices}
        hint={`The account holding the VHD, in ${regionDisplayName(location)} (the version's region).`}
      />
      {accountId !== "" && !blobs.isError && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-blob`} className="text-sm font-medium text-slate-800">
            {labelOf("VHD blob")}
          </label>
          <select
            id={`${id}-blob`}
            className={inputClass}
            value={blobChoices.some((blob) => blob.uri === uri) ? uri : ""}
            onChange={(event) =>
              setValue(uriField, event.target.value, { shouldDirty: true, shouldTouch: true, shouldValidate: true })
            }
          >
            <option value="">{blobs.isPending ? "Listing blobs…" : "Choose a blob"}</option>
            {blobChoices.map((blob) => {
              const reasons = definition
                ? sourceIncompatibilities(definition, {
                    id: blob.uri,
                    ...(blob.osType ? { osType: blob.osType } : {}),
                  }).map((reason) => reason.explanation)
                : [];
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
        name={uriField}
        label={labelOf("VHD blob URI")}
        required
        hint="https://<account>.blob.core.windows.net/<container>/<blob>.vhd — filled in by the choice above, or typed."
      />
    </>
  );
}
