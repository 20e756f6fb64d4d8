import type { ArmRestClient } from "@/lib/azure/clients";
import { listBlobsFromDataPlane } from "@/lib/storage/blobService";

/**
 * One storage account's blobs for the pickers (VHD sources, application packages and configurations), whichever
 * cloud answers: the emulator from its blob registry (`GET /_emulator/blobs`, the stand-in for `az storage blob
 * list`, which also knows a VHD's size and OS type), Azure through the account's Blob service with the user's
 * storage token (lib/storage/blobService.ts).
 */

const GIB = 1024 ** 3;

export interface AccountBlob {
  container: string;
  name: string;
  uri: string;
  sizeGB?: number;
  osType?: string;
}

export type BlobLister =
  | {
      kind: "emulator";
      /** The ARM transport (arm.rest), through which the emulator's registry answers with its auth. */
      rest: Pick<ArmRestClient, "request">;
    }
  | { kind: "dataPlane"; token: () => Promise<string>; fetch?: typeof fetch };

const matches = (name: string, suffixes: readonly string[]) =>
  suffixes.length === 0 || suffixes.some((suffix) => name.toLowerCase().endsWith(suffix.toLowerCase()));

/** The account's blobs whose names end in one of `suffixes` (any blob when empty). */
export async function listAccountBlobs(
  lister: BlobLister,
  account: { id: string; blobEndpoint: string },
  options: { suffixes?: readonly string[]; signal?: AbortSignal } = {},
): Promise<AccountBlob[]> {
  const suffixes = options.suffixes ?? [];
  if (lister.kind === "emulator") {
    const answer = await lister.rest.request<{ value?: AccountBlob[] }>(
      "GET",
      `/_emulator/blobs?storageAccountId=${encodeURIComponent(account.id)}`,
    );
    return (answer.value ?? [])
      .filter((blob) => matches(blob.name, suffixes))
      .map(({ container, name, uri, sizeGB, osType }) => ({
        container,
        name,
        uri,
        ...(sizeGB !== undefined ? { sizeGB } : {}),
        ...(osType ? { osType } : {}),
      }));
  }
  const blobs = await listBlobsFromDataPlane(account.blobEndpoint, await lister.token(), {
    suffixes,
    resourceId: account.id,
    ...(lister.fetch ? { fetch: lister.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return blobs.map(({ sizeBytes, ...blob }) => ({
    ...blob,
    ...(sizeBytes !== undefined ? { sizeGB: Math.ceil(sizeBytes / GIB) } : {}),
  }));
}
