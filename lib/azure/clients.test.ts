import { bearerTokenAuthenticationPolicyName } from "@azure/core-rest-pipeline";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authPolicyFor,
  createArmRestClient,
  createComputeClient,
  LOOPBACK_BEARER_POLICY_NAME,
  type TokenCredential,
} from "@/lib/azure/clients";
import { AzureError, toAzureError } from "@/lib/azure/errors";
import { ARM_SCOPE } from "@/lib/azure/wellKnown";

const SUB = "00000000-0000-4000-8000-000000000001";
const GALLERY_PATH = `/subscriptions/${SUB}/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/contoso`;

/** A stand-in ARM endpoint on loopback http that records what reached it. */
let server: Server;
let endpoint: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    res.setHeader("x-ms-request-id", "req-123");
    if (req.method === "POST" && url.pathname === "/providers/Microsoft.ResourceGraph/resources") {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () =>
        res.end(JSON.stringify({ data: [], received: JSON.parse(text), contentType: req.headers["content-type"] })),
      );
    } else if (url.pathname === GALLERY_PATH) {
      res.end(
        JSON.stringify({
          id: GALLERY_PATH,
          name: "contoso",
          location: "westeurope",
          properties: { description: "Images" },
        }),
      );
    } else if (url.pathname === "/subscriptions" && url.searchParams.get("page") !== "2") {
      res.end(
        JSON.stringify({
          value: [{ subscriptionId: "a" }],
          nextLink: `${endpoint}/subscriptions?api-version=2022-12-01&page=2`,
        }),
      );
    } else if (url.pathname === "/subscriptions") {
      res.end(JSON.stringify({ value: [{ subscriptionId: "b" }] }));
    } else {
      res.statusCode = 404;
      res.end(
        JSON.stringify({
          error: { code: "ResourceNotFound", message: `The Resource was not found.`, target: "galleryName" },
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function recordingCredential() {
  const requested: string[][] = [];
  const credential: TokenCredential = {
    async getToken(scopes) {
      requested.push(Array.isArray(scopes) ? scopes : [scopes]);
      return { token: "token-for-arm", expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return { credential, requested };
}

describe("authPolicyFor", () => {
  it("keeps the SDK's bearer policy for https endpoints", () => {
    expect(authPolicyFor("https://management.azure.com")).toBe("sdk-bearer");
  });

  it("uses the loopback policy for the emulator on http loopback", () => {
    expect(authPolicyFor("http://127.0.0.1:4010")).toBe("loopback-bearer");
    expect(authPolicyFor("http://localhost:4010")).toBe("loopback-bearer");
  });

  it("refuses to send tokens in clear text to another machine", () => {
    expect(() => authPolicyFor("http://management.example.com")).toThrow(/Refusing to send Azure access tokens/);
  });
});

describe("createComputeClient", () => {
  it("sends MSAL's ARM token over loopback http, which the SDK alone refuses", async () => {
    const { credential, requested } = recordingCredential();
    const client = createComputeClient(endpoint, credential, SUB);
    const gallery = await client.galleries.get("rg-images", "contoso");
    expect(gallery.description).toBe("Images");
    expect(seen.at(-1)?.headers.authorization).toBe("Bearer token-for-arm");
    expect(requested.at(-1)).toEqual([ARM_SCOPE]);
    const names = client.pipeline.getOrderedPolicies().map((p) => p.name);
    expect(names).toContain(LOOPBACK_BEARER_POLICY_NAME);
    expect(names).not.toContain(bearerTokenAuthenticationPolicyName);
  });

  it("leaves the SDK's own bearer policy in place for https", () => {
    const { credential } = recordingCredential();
    const names = createComputeClient("https://management.azure.com", credential, SUB)
      .pipeline.getOrderedPolicies()
      .map((p) => p.name);
    expect(names).toContain(bearerTokenAuthenticationPolicyName);
    expect(names).not.toContain(LOOPBACK_BEARER_POLICY_NAME);
  });

  it("surfaces an ARM error as an AzureError with code, status, target and the resource", async () => {
    const { credential } = recordingCredential();
    const client = createComputeClient(endpoint, credential, SUB);
    const error = await client.galleries.get("rg-images", "missing").then(
      () => undefined,
      (e: unknown) => toAzureError(e, "/the/gallery"),
    );
    expect(error).toBeInstanceOf(AzureError);
    expect(error).toMatchObject({
      status: 404,
      code: "ResourceNotFound",
      message: "The Resource was not found.",
      target: "galleryName",
      resourceId: "/the/gallery",
    });
  });

  it("keeps ARM's error code and message when a list fails, though the SDK's pager drops the body", async () => {
    const { credential } = recordingCredential();
    const client = createComputeClient(endpoint, credential, SUB);
    const error = await (async () => {
      for await (const image of client.galleryImages.listByGallery("rg-images", "missing")) return image;
    })().then(
      () => undefined,
      (e: unknown) => toAzureError(e),
    );
    expect(error).toMatchObject({ status: 404, code: "ResourceNotFound", message: "The Resource was not found." });
  });
});

describe("createArmRestClient", () => {
  it("follows nextLink to the last page", async () => {
    const { credential } = recordingCredential();
    const items = await createArmRestClient(endpoint, credential).listAll<{ subscriptionId: string }>(
      "/subscriptions?api-version=2022-12-01",
    );
    expect(items.map((s) => s.subscriptionId)).toEqual(["a", "b"]);
    expect(seen.at(-1)?.headers.authorization).toBe("Bearer token-for-arm");
  });

  it("posts a JSON body with the bearer token and returns the JSON answer", async () => {
    const { credential } = recordingCredential();
    const answer = await createArmRestClient(endpoint, credential).post<{ received: unknown; contentType: string }>(
      "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01",
      { query: "resources | take 1" },
    );
    expect(answer).toMatchObject({ received: { query: "resources | take 1" }, contentType: "application/json" });
    expect(seen.at(-1)?.headers.authorization).toBe("Bearer token-for-arm");
  });

  it("throws an AzureError carrying the ARM error body", async () => {
    const { credential } = recordingCredential();
    await expect(
      createArmRestClient(endpoint, credential).listAll("/tenants?api-version=2022-12-01"),
    ).rejects.toMatchObject({
      name: "AzureError",
      status: 404,
      code: "ResourceNotFound",
      requestId: "req-123",
    });
  });
});
