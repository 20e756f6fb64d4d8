import { AzureError } from "@/lib/azure/errors";

/**
 * Listing a storage account's blobs through Azure Storage's data plane (the Blob service REST API: List Containers,
 * List Blobs) with the user's Entra token, as the browser's fetch sends it. ARM cannot list blobs; the data plane
 * needs the token of audience https://storage.azure.com, a data role (Storage Blob Data Reader) on the account or
 * container, a CORS rule that allows GET from the dashboard's origin, and network access to the account.
 */

/** The Blob service version sent: bearer tokens need 2017-11-09 or later. */
export const BLOB_SERVICE_VERSION = "2021-08-06";
/** Pages read per listing (5,000 entries each), so a huge account cannot keep the picker busy. */
const MAX_PAGES = 4;

export interface DataPlaneBlob {
  container: string;
  name: string;
  uri: string;
  sizeBytes?: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ENTITIES[entity]!);

/** The entries of one EnumerationResults page: each `<Container>` or `<Blob>` element's Name and Content-Length. */
export function parseEnumerationResults(
  xml: string,
  element: "Container" | "Blob",
): { entries: { name: string; contentLength?: number }[]; nextMarker?: string } {
  const entries = [...xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, "g"))].flatMap((match) => {
    const body = match[1]!;
    const name = /<Name>([\s\S]*?)<\/Name>/.exec(body)?.[1];
    if (name === undefined) return [];
    const length = /<Content-Length>(\d+)<\/Content-Length>/.exec(body)?.[1];
    return [{ name: decode(name), ...(length !== undefined ? { contentLength: Number(length) } : {}) }];
  });
  const marker = /<NextMarker>([\s\S]*?)<\/NextMarker>/.exec(xml)?.[1];
  return { entries, ...(marker ? { nextMarker: decode(marker) } : {}) };
}

/** The Blob service's error answer (`<Error><Code>…</Code><Message>…</Message></Error>`) as an AzureError. */
function serviceError(status: number, xml: string, resourceId: string): AzureError {
  const code = /<Code>([\s\S]*?)<\/Code>/.exec(xml)?.[1];
  const message = /<Message>([\s\S]*?)<\/Message>/.exec(xml)?.[1];
  return new AzureError({
    status,
    code: code ? decode(code) : `Http${status}`,
    message: message ? decode(message).split("\n")[0]! : `The Blob service answered HTTP ${status}.`,
    resourceId,
  });
}

async function listAll(
  url: (marker: string | undefined) => string,
  element: "Container" | "Blob",
  init: { token: string; fetch: typeof fetch; signal?: AbortSignal; resourceId: string },
) {
  const entries: { name: string; contentLength?: number }[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let response: Response;
    try {
      response = await init.fetch(url(marker), {
        headers: { Authorization: `Bearer ${init.token}`, "x-ms-version": BLOB_SERVICE_VERSION },
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      // A browser reports a missing CORS rule, a firewall and a wrong host alike: as a failed fetch.
      throw new AzureError({
        status: 0,
        code: "BlobServiceUnreachable",
        message:
          "The browser could not read the account's Blob service: it needs a CORS rule allowing GET from this origin, and network access to the account.",
        resourceId: init.resourceId,
      });
    }
    const text = await response.text();
    if (!response.ok) throw serviceError(response.status, text, init.resourceId);
    const parsed = parseEnumerationResults(text, element);
    entries.push(...parsed.entries);
    marker = parsed.nextMarker;
    if (!marker) break;
  }
  return entries;
}

/**
 * The blobs of every container of the account whose name ends in one of `suffixes` (any blob when empty), read
 * with the user's storage token. `blobEndpoint` is the account's primary blob endpoint (`https://{account}.blob.…/`).
 */
export async function listBlobsFromDataPlane(
  blobEndpoint: string,
  token: string,
  options: { suffixes?: readonly string[]; fetch?: typeof fetch; signal?: AbortSignal; resourceId: string },
): Promise<DataPlaneBlob[]> {
  const base = blobEndpoint.endsWith("/") ? blobEndpoint : `${blobEndpoint}/`;
  const init = {
    token,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    resourceId: options.resourceId,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const withMarker = (url: string, marker: string | undefined) =>
    marker ? `${url}&marker=${encodeURIComponent(marker)}` : url;
  const containers = await listAll((marker) => withMarker(`${base}?comp=list`, marker), "Container", init);
  const suffixes = (options.suffixes ?? []).map((suffix) => suffix.toLowerCase());
  const blobs: DataPlaneBlob[] = [];
  for (const container of containers) {
    const path = `${base}${encodeURIComponent(container.name)}`;
    const found = await listAll((marker) => withMarker(`${path}?restype=container&comp=list`, marker), "Blob", init);
    for (const blob of found) {
      if (suffixes.length > 0 && !suffixes.some((suffix) => blob.name.toLowerCase().endsWith(suffix))) continue;
      blobs.push({
        container: container.name,
        name: blob.name,
        uri: `${path}/${blob.name.split("/").map(encodeURIComponent).join("/")}`,
        ...(blob.contentLength !== undefined ? { sizeBytes: blob.contentLength } : {}),
      });
    }
  }
  return blobs;
}
