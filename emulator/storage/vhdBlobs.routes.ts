import type { FastifyInstance } from "fastify";
import type { EmulatorContext } from "../context.js";
import { ArmErrors } from "../errors.js";
import { isPlainObject } from "../compute/shared/body.js";
import { findStorageAccountById, putVhdBlob, type VhdBlob } from "./storageAccounts.model.js";

/** Bounds of a registered blob (Azure's page blobs, which VHDs are, stop at 8 TiB). */
const MAX_SIZE_GB = 8192;
const MAX_NAME_LENGTH = 1024;
const ACCOUNT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i;
const CONTAINER = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

function parseBlob(body: Record<string, unknown>): VhdBlob {
  const { container, blob, sizeGB, osType } = body;
  if (typeof container !== "string" || !CONTAINER.test(container))
    throw ArmErrors.invalidParameter("container", "container must be a valid blob container name (3-63 characters).");
  if (typeof blob !== "string" || blob === "" || blob.length > MAX_NAME_LENGTH)
    throw ArmErrors.invalidParameter("blob", `blob must be a name of 1 to ${MAX_NAME_LENGTH} characters.`);
  if (typeof sizeGB !== "number" || !Number.isInteger(sizeGB) || sizeGB < 1 || sizeGB > MAX_SIZE_GB)
    throw ArmErrors.invalidParameter("sizeGB", `sizeGB must be an integer from 1 to ${MAX_SIZE_GB}.`);
  if (osType !== undefined && osType !== "Windows" && osType !== "Linux")
    throw ArmErrors.invalidParameter("osType", "osType must be Windows or Linux when given.");
  return { container, name: blob, sizeGB, ...(osType ? { osType } : {}) };
}

/**
 * `PUT /_emulator/blobs` `{storageAccountId, container, blob, sizeGB, osType?}`: registers a VHD blob in a storage
 * account (the emulator's stand-in for `az storage blob upload`), so image versions can use it as a source.
 * `GET /_emulator/blobs?storageAccountId=…` lists an account's blobs. Both answer the account's blobs.
 */
export function registerVhdBlobRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const accountOf = (id: unknown) => {
    if (typeof id !== "string" || !ACCOUNT_ID.test(id))
      throw ArmErrors.invalidParameter("storageAccountId", "storageAccountId must be a storage account's resource id.");
    const account = findStorageAccountById(ctx, id);
    if (!account) throw ArmErrors.controlTargetNotFound(id);
    return account;
  };
  const view = (blobs: readonly VhdBlob[], accountName: string) =>
    blobs.map((b) => ({ ...b, uri: `https://${accountName}.blob.core.windows.net/${b.container}/${b.name}` }));

  app.get("/_emulator/blobs", async (req) => {
    const account = accountOf((req.query as Record<string, unknown>).storageAccountId);
    return { value: view(account.state.blobs, account.name) };
  });

  app.put("/_emulator/blobs", async (req) => {
    const body = req.body;
    if (!isPlainObject(body)) throw ArmErrors.invalidParameter("body", "The body must be a JSON object.");
    const blob = parseBlob(body);
    const account = accountOf(body.storageAccountId);
    return { value: view(putVhdBlob(ctx, account, blob), account.name) };
  });
}
