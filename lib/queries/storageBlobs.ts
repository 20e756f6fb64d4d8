import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { subscriptionResourceId } from "@/lib/azure/resourceId";
import { listBlobsFromDataPlane, type DataPlaneBlob } from "@/lib/storage/blobService";

/**
 * Storage accounts and their blobs, for the blob pickers (application packages, VHD sources). The accounts come from
 * ARM (Microsoft.Storage/storageAccounts/read). Blobs are data plane, which a management token cannot list: against
 * the emulator they come from its blob registry (`GET /_emulator/blobs`, the stand-in for `az storage blob list`);
 * against Azure from the account's Blob service with a storage token (lib/storage/blobService.ts), and where that
 * is refused the user enters the blob's URL.
 */

export const STORAGE_API_VERSION = "2023-05-01";

export interface StorageAccountSummary {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  blobEndpoint: string;
}

export interface BlobSummary {
  container: string;
  name: string;
  uri: string;
}

interface StorageAccountResource {
  id?: string;
  name?: string;
  location?: string;
  properties?: { primaryEndpoints?: { blob?: string } };
}

export const storageQueries = {
  all: () => ["storageAccounts"] as const,
  accounts: (arm: ArmClients, subscriptionId: string) =>
    queryOptions({
      queryKey: [...storageQueries.all(), "list", subscriptionId.toLowerCase()] as const,
      queryFn: async (): Promise<StorageAccountSummary[]> => {
        const path = `${subscriptionResourceId(subscriptionId)}/providers/Microsoft.Storage/storageAccounts`;
        try {
          const accounts = await arm.rest.listAll<StorageAccountResource>(`${path}?api-version=${STORAGE_API_VERSION}`);
          return accounts.flatMap((account) =>
            account.id && account.name
              ? [
                  {
                    id: account.id,
                    name: account.name,
                    location: account.location ?? "",
                    resourceGroup: /\/resourceGroups\/([^/]+)/i.exec(account.id)?.[1] ?? "",
                    blobEndpoint:
                      account.properties?.primaryEndpoints?.blob ?? `https://${account.name}.blob.core.windows.net/`,
                  },
                ]
              : [],
          );
        } catch (error) {
          throw toAzureError(error, path);
        }
      },
    }),
  /**
   * An account's blobs through Azure Storage's data plane, those whose names end in one of `suffixes`; `token`
   * gives a token for https://storage.azure.com. Not retried: a refusal (no data role, no CORS rule) stays one.
   */
  dataPlaneBlobs: (
    account: Pick<StorageAccountSummary, "id" | "blobEndpoint">,
    token: () => Promise<string>,
    suffixes: readonly string[] = [],
  ) =>
    queryOptions({
      queryKey: [...storageQueries.all(), "dataPlaneBlobs", account.id.toLowerCase(), [...suffixes]] as const,
      queryFn: async ({ signal }): Promise<DataPlaneBlob[]> =>
        listBlobsFromDataPlane(account.blobEndpoint, await token(), { suffixes, signal, resourceId: account.id }),
      retry: false,
      enabled: account.id !== "",
    }),
  /** An account's blobs from the emulator's registry; `emulatorUrl` is the emulator's base URL. */
  emulatorBlobs: (emulatorUrl: string, accountId: string) =>
    queryOptions({
      queryKey: [...storageQueries.all(), "blobs", accountId.toLowerCase()] as const,
      queryFn: async ({ signal }): Promise<BlobSummary[]> => {
        const url = `${emulatorUrl}/_emulator/blobs?storageAccountId=${encodeURIComponent(accountId)}`;
        const response = await fetch(url, { signal });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
          throw new AzureError({
            status: response.status,
            code: body.error?.code ?? `Http${response.status}`,
            message: body.error?.message ?? `The emulator answered HTTP ${response.status}.`,
            resourceId: accountId,
          });
        }
        const body = (await response.json()) as { value?: BlobSummary[] };
        return (body.value ?? []).map(({ container, name, uri }) => ({ container, name, uri }));
      },
      enabled: accountId !== "",
    }),
};
