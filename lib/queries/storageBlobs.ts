import { queryOptions } from "@tanstack/react-query";
import type { ArmClients } from "@/lib/azure/clients";
import { toAzureError } from "@/lib/azure/errors";
import { subscriptionResourceId } from "@/lib/azure/resourceId";
import { listAccountBlobs, type AccountBlob, type BlobLister } from "@/lib/storage/accountBlobs";

/**
 * Storage accounts and their blobs, for the blob pickers (application packages, VHD sources). The accounts come from
 * ARM (Microsoft.Storage/storageAccounts/read). Blobs are data plane, which a management token cannot list: against
 * the emulator's blob registry or Azure's Blob service answers them (lib/storage/accountBlobs.ts), and where that is
 * refused the user enters the blob's URL.
 */

export const STORAGE_API_VERSION = "2023-05-01";

export interface StorageAccountSummary {
  id: string;
  name: string;
  location: string;
  resourceGroup: string;
  blobEndpoint: string;
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
   * An account's blobs whose names end in one of `suffixes`, from the emulator's registry or Azure's Blob service
   * (lib/storage/accountBlobs.ts). Not retried: a refusal (no data role, no CORS rule) stays one.
   */
  blobs: (
    lister: BlobLister,
    account: Pick<StorageAccountSummary, "id" | "blobEndpoint">,
    suffixes: readonly string[] = [],
  ) =>
    queryOptions({
      queryKey: [...storageQueries.all(), "blobs", lister.kind, account.id.toLowerCase(), [...suffixes]] as const,
      queryFn: ({ signal }): Promise<AccountBlob[]> => listAccountBlobs(lister, account, { suffixes, signal }),
      retry: false,
      enabled: account.id !== "",
    }),
};
