/** `https://{account}.blob.core.windows.net/{container}/{blob}` (a SAS query is allowed and ignored). */
export function parseBlobUri(uri: string): { account: string; container: string; blob: string } | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const host = /^([a-z0-9]{3,24})\.blob\.core\.windows\.net$/.exec(url.hostname.toLowerCase());
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const path = /^\/([^/]+)\/(.+)$/.exec(pathname);
  if (url.protocol !== "https:" || !host || !path) return undefined;
  return { account: host[1]!, container: path[1]!, blob: path[2]! };
}
