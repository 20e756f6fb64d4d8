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
import { storageQueries } from "@/lib/queries/storageBlobs";
import { useStorageToken } from "@/components/auth/useStorageToken";

const ACCOUNT = "properties.storageProfile.osDiskImage.source.storageAccountId";
const URI = "properties.storageProfile.osDiskImage.source.uri";

const GIB = 1024 ** 3;

interface VhdBlob {
  container: string;
  name: string;
  uri: string;
  sizeGB?: number;
  osType?: string;
}

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
  const arm = useArm();
  const config = useRuntimeConfig();
  const { watch, setValue } = useFormContext();
  const id = useId();
  const accountId = (watch(ACCOUNT) as string | undefined) ?? "";
  const uri = (watch(URI) as string | undefined) ?? "";
  const storageToken = useStorageToken();
  const accounts = useQuery(storageQueries.accounts(arm, subscriptionId));
  const emulator = config.mode === "emulator";
  const account = accounts.data?.find((candidate) => candidate.id.toLowerCase() === accountId.toLowerCase());
  const registry = useQuery({
    ...publishingOptionQueries.emulatorBlobs(arm, accountId),
    enabled: emulator && accountId !== "",
  });
  const dataPlane = useQuery({
    ...storageQueries.dataPlaneBlobs(account ?? { id: "", blobEndpoint: "" }, storageToken, [".vhd"]),
    enabled: !emulator && account !== undefined,
  });
  const blobs = emulator ? registry : dataPlane;
  const blobChoices: VhdBlob[] = emulator
    ? (registry.data ?? [])
    : (dataPlane.data ?? []).map((blob) => ({
        ...blob,
        ...(blob.sizeBytes !== undefined ? { sizeGB: Math.ceil(blob.sizeBytes / GIB) } : {}),
      }));
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
      {accountId !== "" && !(blobs.isError && !emulator) && (
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
          {blobs.isError && <ErrorPanel error={blobs.error} title="The blobs could not be listed" />}
        </div>
      )}
      {!emulator && dataPlane.isError && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          The blobs of {account?.name} could not be listed ({dataPlane.error.message}) Type the VHD&apos;s URI below.
          Listing needs the Storage Blob Data Reader role on the account or container, a CORS rule on the account
          allowing GET from this site, and network access to it.
        </p>
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
