/**
 * Why an account's blobs could not be listed, and what to do instead: type the blob's URI. Against Azure the
 * listing goes through the account's Blob service from the browser, which needs all three of the conditions named.
 */
export function BlobListingRefused({
  accountName,
  error,
  instead,
}: {
  accountName: string;
  error: Error;
  instead: string;
}) {
  return (
    <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
      The blobs of {accountName} could not be listed ({error.message}) {instead} Listing needs the Storage Blob Data
      Reader role on the account or container, a CORS rule on the account allowing GET from this site, and network
      access to it.
    </p>
  );
}
