"use client";

import { useQuery } from "@tanstack/react-query";
import { useStorageToken } from "@/components/auth/useStorageToken";
import { useArm, useRuntimeConfig } from "@/components/layout/ArmContext";
import { storageQueries } from "@/lib/queries/storageBlobs";
import type { BlobLister } from "@/lib/storage/accountBlobs";

const NO_ACCOUNT = { id: "", blobEndpoint: "" };

/**
 * The subscription's storage accounts and the chosen account's blobs (those ending in one of `suffixes`), for the
 * blob pickers: from the emulator's registry, or from Azure's Blob service with the user's silent storage token.
 * A listing that fails is the pickers' cue to let the blob's URI be typed (BlobListingRefused says why).
 */
export function useAccountBlobs(subscriptionId: string, accountId: string, suffixes: readonly string[] = []) {
  const arm = useArm();
  const config = useRuntimeConfig();
  const token = useStorageToken();
  const accounts = useQuery(storageQueries.accounts(arm, subscriptionId));
  const account = accounts.data?.find((candidate) => candidate.id.toLowerCase() === accountId.toLowerCase());
  const lister: BlobLister =
    config.mode === "emulator" ? { kind: "emulator", rest: arm.rest } : { kind: "dataPlane", token };
  const blobs = useQuery({
    ...storageQueries.blobs(lister, account ?? NO_ACCOUNT, suffixes),
    enabled: account !== undefined,
  });
  return { accounts, account, blobs };
}
