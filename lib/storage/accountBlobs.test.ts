import { describe, expect, it } from "vitest";
import { listAccountBlobs } from "./accountBlobs";
import { ACCOUNT, blobs, containers, ENDPOINT, service } from "./blobServiceStandIn";

/** The pickers' one listing, against Azure: through the stand-in of the account's Blob service. */
describe("an account's blobs for the pickers, from Azure's Blob service", () => {
  const account = { id: ACCOUNT, blobEndpoint: ENDPOINT };
  const answers = {
    [`${ENDPOINT}?comp=list`]: { body: containers(["vhds", "packages"]) },
    [`${ENDPOINT}vhds?restype=container&comp=list`]: { body: blobs([["ubuntu.vhd", 30 * 1024 ** 3 + 1]]) },
    [`${ENDPOINT}packages?restype=container&comp=list`]: { body: blobs([["agent/1.0.0/agent.zip", 2048]]) },
  };

  it("lists VHDs with their size in whole GiB, asking for the token once per listing", async () => {
    const { fetch, seen } = service(answers);
    let tokens = 0;
    const token = async () => `tok${++tokens}`;
    const found = await listAccountBlobs({ kind: "dataPlane", token, fetch }, account, { suffixes: [".vhd"] });
    expect(found).toEqual([{ container: "vhds", name: "ubuntu.vhd", uri: `${ENDPOINT}vhds/ubuntu.vhd`, sizeGB: 31 }]);
    expect(tokens).toBe(1);
    expect(seen.every(({ headers }) => headers.get("Authorization") === "Bearer tok1")).toBe(true);
  });

  it("lists every blob for a package picker, which names no suffix", async () => {
    const { fetch } = service(answers);
    const found = await listAccountBlobs({ kind: "dataPlane", token: async () => "tok", fetch }, account);
    expect(found.map((blob) => blob.uri)).toEqual([
      `${ENDPOINT}vhds/ubuntu.vhd`,
      `${ENDPOINT}packages/agent/1.0.0/agent.zip`,
    ]);
  });

  it("fails with the service's refusal, which the pickers show before the typed URI", async () => {
    const { fetch } = service({
      [`${ENDPOINT}?comp=list`]: {
        status: 403,
        body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.</Message></Error>`,
      },
    });
    await expect(
      listAccountBlobs({ kind: "dataPlane", token: async () => "tok", fetch }, account),
    ).rejects.toMatchObject({ status: 403, code: "AuthorizationPermissionMismatch", resourceId: ACCOUNT });
  });

  it("fails without a request when no storage token can be had silently", async () => {
    const { fetch, seen } = service(answers);
    const token = async () => {
      throw new Error("interaction_required");
    };
    await expect(listAccountBlobs({ kind: "dataPlane", token, fetch }, account)).rejects.toThrow(
      "interaction_required",
    );
    expect(seen).toEqual([]);
  });
});
