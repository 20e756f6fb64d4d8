"use client";

import { useId, useState } from "react";
import { useFormContext } from "react-hook-form";
import { buttonClass } from "@/components/publish/buttonClass";
import { inputClass } from "@/components/publish/fields";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { BlobListingRefused } from "@/components/storage/BlobListingRefused";
import { useAccountBlobs } from "@/components/storage/useAccountBlobs";

/**
 * Fills a package or configuration link from a storage account: the subscription's accounts, then the account's
 * blobs (the emulator's registry, or Azure's Blob service with the user's storage token), or where they cannot be
 * listed a container/blob path typed in, with the reason. The link field itself stays editable, for a SAS URL.
 */
export function BlobPicker({ name, label, subscriptionId }: { name: string; label: string; subscriptionId: string }) {
  const { setValue } = useFormContext();
  const ids = { account: useId(), blob: useId(), path: useId() };
  const [accountId, setAccountId] = useState("");
  const [blobUri, setBlobUri] = useState("");
  const [blobPath, setBlobPath] = useState("");
  const { accounts, account, blobs } = useAccountBlobs(subscriptionId, accountId);
  const typed = blobs.isError;
  const chosen = typed
    ? account && blobPath.trim()
      ? `${account.blobEndpoint.replace(/\/?$/, "/")}${blobPath.trim().replace(/^\//, "")}`
      : ""
    : blobUri;

  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm sm:col-span-2">
      <summary className="cursor-pointer font-medium text-slate-800">Choose the {label} from a storage account</summary>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.account} className="text-xs font-medium text-slate-700">
            Storage account for the {label}
          </label>
          <select
            id={ids.account}
            className={inputClass}
            value={accountId}
            onChange={(event) => {
              setAccountId(event.target.value);
              setBlobUri("");
            }}
          >
            <option value="">{accounts.isPending ? "Loading accounts…" : "Choose an account"}</option>
            {(accounts.data ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} ({candidate.resourceGroup})
              </option>
            ))}
          </select>
        </div>
        {!typed ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.blob} className="text-xs font-medium text-slate-700">
              Blob for the {label}
            </label>
            <select
              id={ids.blob}
              className={inputClass}
              value={blobUri}
              disabled={!accountId}
              onChange={(event) => setBlobUri(event.target.value)}
            >
              <option value="">{blobs.isFetching ? "Loading blobs…" : "Choose a blob"}</option>
              {(blobs.data ?? []).map((blob) => (
                <option key={blob.uri} value={blob.uri}>
                  {blob.container}/{blob.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.path} className="text-xs font-medium text-slate-700">
              Container and blob for the {label}
            </label>
            <input
              id={ids.path}
              className={inputClass}
              placeholder="packages/app/1.0.0/app.zip"
              value={blobPath}
              disabled={!accountId}
              onChange={(event) => setBlobPath(event.target.value)}
            />
          </div>
        )}
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={!chosen}
          onClick={() => setValue(name, chosen, { shouldValidate: true, shouldDirty: true })}
        >
          Use as {label}
        </button>
      </div>
      {accounts.isError && <ErrorPanel error={accounts.error} title="The storage accounts could not be listed" />}
      {blobs.isError && (
        <BlobListingRefused
          accountName={account?.name ?? accountId}
          error={blobs.error}
          instead={`Type the container and blob of the ${label}, or its URL in the field above.`}
        />
      )}
      {blobs.isFetching && <Spinner label="Loading blobs…" />}
      <p className="mt-2 text-xs text-slate-600">
        Azure downloads the blob when it replicates the version: a private blob needs a SAS token in the URL (or the
        gallery&apos;s managed identity given read access to the account).
      </p>
    </details>
  );
}
