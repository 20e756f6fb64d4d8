/**
 * A local stand-in of a storage account's Blob service for tests: the List Containers and List Blobs answers, written
 * here in the documented EnumerationResults shape, served by a fetch that records what the browser would send.
 */

export const ENDPOINT = "https://contosovhds.blob.core.windows.net/";
export const ACCOUNT = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/contosovhds";
export const containers = (names: string[], next = "") =>
  `<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="${ENDPOINT}"><Containers>${names
    .map((name) => `<Container><Name>${name}</Name><Properties><Etag>"0x1"</Etag></Properties></Container>`)
    .join("")}</Containers><NextMarker>${next}</NextMarker></EnumerationResults>`;
export const blobs = (entries: [string, number][]) =>
  `<?xml version="1.0" encoding="utf-8"?><EnumerationResults ContainerName="x"><Blobs>${entries
    .map(
      ([name, size]) =>
        `<Blob><Name>${name}</Name><Properties><Content-Length>${size}</Content-Length><BlobType>PageBlob</BlobType></Properties></Blob>`,
    )
    .join("")}</Blobs><NextMarker /></EnumerationResults>`;

export function service(answers: Record<string, { status?: number; body: string }>) {
  const seen: { url: string; headers: Headers }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, headers: new Headers(init?.headers) });
    const answer = answers[url];
    if (!answer) return new Response("", { status: 404 });
    return new Response(answer.body, { status: answer.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}
