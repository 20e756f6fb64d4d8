import { checkLocationAvailable } from "../../lib/gallery/regions.js";
import { parseBlobUri } from "../../lib/storage/blobUri.js";
import type { EmulatorContext } from "../context.js";
import { ArmError, ArmErrors } from "../errors.js";
import { resourceGroupId } from "../resources/resourceGroups.js";
import type { ArmResourceBody, ResourceRecord } from "../store/resources.js";
import { isPlainObject, requireObjectBody, stringTags, throwViolation } from "../compute/shared/body.js";
import { canonicalLocation, requiredLocation, requireResourceGroup } from "../compute/shared/names.js";

/**
 * Microsoft.Storage/storageAccounts: just enough of a storage account (location, sku, kind) for image versions to
 * name one as the home of a VHD, and a registry of the VHD blobs it holds (their sizes), which the emulator's
 * control surface fills. No blob data is stored.
 */

export const STORAGE_ACCOUNT_TYPE = "Microsoft.Storage/storageAccounts";
export const STORAGE_SKUS = [
  "Standard_LRS",
  "Standard_GRS",
  "Standard_RAGRS",
  "Standard_ZRS",
  "Premium_LRS",
  "Premium_ZRS",
  "Standard_GZRS",
  "Standard_RAGZRS",
] as const;
export const STORAGE_KINDS = ["Storage", "StorageV2", "BlobStorage", "FileStorage", "BlockBlobStorage"] as const;
/** The most blobs the registry keeps per account: the control surface cannot be made to store unbounded data. */
export const MAX_BLOBS_PER_ACCOUNT = 1000;

export interface VhdBlob {
  container: string;
  name: string;
  sizeGB: number;
  osType?: "Windows" | "Linux";
}

export interface StorageAccountRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface StorageAccountBody extends ArmResourceBody {
  location: string;
  sku: { name: string; tier: string };
  kind: string;
  properties: { primaryEndpoints: { blob: string }; creationTime: string };
}

export interface StorageAccountState {
  blobs: VhdBlob[];
}

export type StorageAccountRecord = ResourceRecord<StorageAccountBody, StorageAccountState>;

export function storageAccountId(ref: StorageAccountRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/${STORAGE_ACCOUNT_TYPE}/${ref.name}`;
}

export function blobEndpoint(accountName: string): string {
  return `https://${accountName}.blob.core.windows.net/`;
}

/** An account by its ARM id (any casing). */
export function findStorageAccountById(ctx: EmulatorContext, id: string): StorageAccountRecord | undefined {
  const record = ctx.resources.get<StorageAccountBody, StorageAccountState>(id);
  return record?.type === STORAGE_ACCOUNT_TYPE && record.goneAt === undefined ? record : undefined;
}

export function getStorageAccount(ctx: EmulatorContext, ref: StorageAccountRef): StorageAccountRecord {
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const record = findStorageAccountById(ctx, storageAccountId(ref));
  if (!record) throw ArmErrors.resourceNotFound(STORAGE_ACCOUNT_TYPE, ref.name, ref.resourceGroup);
  return record;
}

export function storageAccountView(record: StorageAccountRecord) {
  const { id, name, location, tags, sku, kind, properties } = record.body;
  return {
    id,
    name,
    type: STORAGE_ACCOUNT_TYPE,
    location,
    ...stringTags(tags),
    sku,
    kind,
    properties: { ...properties, provisioningState: "Succeeded" },
  };
}

const NAME = /^[a-z0-9]{3,24}$/;

function enumOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === "string" ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
}

/** Storage's own error bodies for a PUT it cannot take (docs/azure-error-fidelity.md, "Storage accounts"). */
const StorageErrors = {
  accountNameInvalid: (name: string) =>
    new ArmError(
      400,
      "AccountNameInvalid",
      `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
    ),
  missing: (property: string) =>
    new ArmError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: Required property '${property}' not found in JSON.`,
    ),
  invalidValue: (property: string, value: unknown) =>
    new ArmError(400, "InvalidRequestContent", `The value '${String(value)}' is not valid for '${property}'.`),
  nameTaken: (name: string) =>
    new ArmError(409, "StorageAccountAlreadyTaken", `The storage account named ${name} is already taken.`),
};

/** PUT: creates (200, synchronously, which the spec allows) or replaces an account; its blobs stay. */
export function putStorageAccount(
  ctx: EmulatorContext,
  ref: StorageAccountRef,
  rawBody: unknown,
): { record: StorageAccountRecord; created: boolean } {
  if (!NAME.test(ref.name)) throw StorageErrors.accountNameInvalid(ref.name);
  const body = requireObjectBody(rawBody) as Record<string, unknown> & {
    location?: string;
    tags?: Record<string, string>;
  };
  const requested = requiredLocation(body.location);
  throwViolation(checkLocationAvailable(requested, STORAGE_ACCOUNT_TYPE));
  const location = canonicalLocation(requested)!;
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const skuName = isPlainObject(body.sku) ? body.sku.name : undefined;
  if (skuName === undefined) throw StorageErrors.missing("sku.name");
  const sku = enumOf(skuName, STORAGE_SKUS);
  if (!sku) throw StorageErrors.invalidValue("sku.name", skuName);
  if (body.kind === undefined) throw StorageErrors.missing("kind");
  const kind = enumOf(body.kind, STORAGE_KINDS);
  if (!kind) throw StorageErrors.invalidValue("kind", body.kind);
  const id = storageAccountId(ref);
  const existing = findStorageAccountById(ctx, id);
  // Account names are global: the blob endpoint is the name's.
  const taken = ctx.resources
    .allOfType<StorageAccountBody, StorageAccountState>(STORAGE_ACCOUNT_TYPE)
    .some(
      (r) => r.goneAt === undefined && r.name.toLowerCase() === ref.name && r.id.toLowerCase() !== id.toLowerCase(),
    );
  if (taken) throw StorageErrors.nameTaken(ref.name);
  if (existing && existing.body.location !== location)
    throw ArmErrors.invalidResourceLocation(ref.name, existing.body.location, location, ref.resourceGroup);
  const stored: StorageAccountBody = {
    id: existing?.body.id ?? id,
    name: existing?.name ?? ref.name,
    type: STORAGE_ACCOUNT_TYPE,
    location,
    ...stringTags(body.tags),
    sku: { name: sku, tier: sku.startsWith("Premium") ? "Premium" : "Standard" },
    kind,
    properties: {
      primaryEndpoints: { blob: blobEndpoint(ref.name) },
      creationTime: existing?.body.properties.creationTime ?? new Date(ctx.clock.now()).toISOString(),
    },
  };
  ctx.resources.put({
    id: stored.id,
    type: STORAGE_ACCOUNT_TYPE,
    name: stored.name,
    subscriptionId: ref.subscriptionId,
    resourceGroup: ref.resourceGroup,
    parentKey: resourceGroupId(ref.subscriptionId, ref.resourceGroup),
    location,
    body: stored,
    state: { blobs: existing?.state.blobs ?? [] } satisfies StorageAccountState,
    createdAt: existing?.createdAt,
  });
  return { record: findStorageAccountById(ctx, id)!, created: !existing };
}

/** DELETE: true when an account was there (200), false when not (204). */
export function deleteStorageAccount(ctx: EmulatorContext, ref: StorageAccountRef): boolean {
  requireResourceGroup(ctx, ref.subscriptionId, ref.resourceGroup);
  const existing = findStorageAccountById(ctx, storageAccountId(ref));
  if (!existing) return false;
  ctx.resources.remove(existing.id);
  return true;
}

/** Adds (or replaces, by container and name) a VHD blob in an account's registry. */
export function putVhdBlob(ctx: EmulatorContext, account: StorageAccountRecord, blob: VhdBlob): VhdBlob[] {
  const same = (b: VhdBlob) => b.container === blob.container && b.name === blob.name;
  const others = account.state.blobs.filter((b) => !same(b));
  if (others.length >= MAX_BLOBS_PER_ACCOUNT) {
    throw ArmErrors.invalidParameter(
      "blob",
      `A storage account holds at most ${MAX_BLOBS_PER_ACCOUNT} registered blobs.`,
    );
  }
  const blobs = [...others, blob];
  ctx.resources.put({ ...account, state: { ...account.state, blobs } });
  return blobs;
}

/** The account and blob a VHD uri names, when its host is the account's blob endpoint and the blob is registered. */
export function findVhdBlob(account: StorageAccountRecord, uri: string): VhdBlob | undefined {
  const parsed = parseBlobUri(uri);
  if (!parsed || parsed.account !== account.name.toLowerCase()) return undefined;
  return account.state.blobs.find((b) => b.container === parsed.container && b.name === parsed.blob);
}

/**
 * The registered blob a blob URI names, in the account its host names (account names are global, so the URI alone
 * finds it, as a SAS URI reaches a blob without ARM); undefined when the URI is not a blob URI or nothing is there.
 */
export function findBlobByUri(ctx: EmulatorContext, uri: string): VhdBlob | undefined {
  const parsed = parseBlobUri(uri);
  if (!parsed) return undefined;
  const account = ctx.resources
    .allOfType<StorageAccountBody, StorageAccountState>(STORAGE_ACCOUNT_TYPE)
    .find((r) => r.goneAt === undefined && r.name.toLowerCase() === parsed.account);
  return account ? findVhdBlob(account, uri) : undefined;
}
