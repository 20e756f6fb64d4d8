import { describe, expect, it } from "vitest";
import { AzureError } from "@/lib/azure/errors";
import { BLOB_SERVICE_VERSION, listBlobsFromDataPlane, parseEnumerationResults } from "./blobService";
import { ACCOUNT, blobs, containers, ENDPOINT, service } from "./blobServiceStandIn";

describe("listing blobs through Azure Storage's data plane", () => {
  it("reads names, sizes and the next page's marker, decoding XML entities", () => {
    expect(parseEnumerationResults(containers(["vhds", "a&amp;b"], "page2"), "Container")).toEqual({
      entries: [{ name: "vhds" }, { name: "a&b" }],
      nextMarker: "page2",
    });
    expect(parseEnumerationResults(blobs([["os/ubuntu.vhd", 32212255232]]), "Blob").entries).toEqual([
      { name: "os/ubuntu.vhd", contentLength: 32212255232 },
    ]);
  });

  it("lists every container's VHDs with the bearer token and the service version, following markers", async () => {
    const { fetch, seen } = service({
      [`${ENDPOINT}?comp=list`]: { body: containers(["vhds"], "m1") },
      [`${ENDPOINT}?comp=list&marker=m1`]: { body: containers(["images"]) },
      [`${ENDPOINT}vhds?restype=container&comp=list`]: {
        body: blobs([
          ["ubuntu.vhd", 30 * 1024 ** 3],
          ["notes.txt", 10],
        ]),
      },
      [`${ENDPOINT}images?restype=container&comp=list`]: { body: blobs([["win/2022 gen2.VHD", 1024]]) },
    });
    const found = await listBlobsFromDataPlane(ENDPOINT, "tok", { suffixes: [".vhd"], fetch, resourceId: ACCOUNT });
    expect(found).toEqual([
      { container: "vhds", name: "ubuntu.vhd", uri: `${ENDPOINT}vhds/ubuntu.vhd`, sizeBytes: 30 * 1024 ** 3 },
      { container: "images", name: "win/2022 gen2.VHD", uri: `${ENDPOINT}images/win/2022%20gen2.VHD`, sizeBytes: 1024 },
    ]);
    expect(seen.every(({ headers }) => headers.get("Authorization") === "Bearer tok")).toBe(true);
    expect(seen.every(({ headers }) => headers.get("x-ms-version") === BLOB_SERVICE_VERSION)).toBe(true);
  });

  it("turns the service's refusal into an AzureError with its code, and an unreachable service into one too", async () => {
    const refused = service({
      [`${ENDPOINT}?comp=list`]: {
        status: 403,
        body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.\nRequestId:1</Message></Error>`,
      },
    });
    const error = await listBlobsFromDataPlane(ENDPOINT, "tok", { fetch: refused.fetch, resourceId: ACCOUNT }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AzureError);
    expect(error).toMatchObject({
      status: 403,
      code: "AuthorizationPermissionMismatch",
      message: "This request is not authorized to perform this operation using this permission.",
      resourceId: ACCOUNT,
    });

    const blocked = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof globalThis.fetch;
    await expect(
      listBlobsFromDataPlane(ENDPOINT, "tok", { fetch: blocked, resourceId: ACCOUNT }),
    ).rejects.toMatchObject({
      status: 0,
      code: "BlobServiceUnreachable",
    });
  });
});
