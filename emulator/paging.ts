import type { ArmRequest, ArmResponse } from "./router.js";
import type { Page } from "./store/resources.js";

/** The continuation a client sent back from a nextLink, if any. */
export function skipTokenOf(req: ArmRequest): string {
  const token = req.query["$skiptoken"] ?? req.query["$skipToken"];
  if (!token) return "";
  try {
    return Buffer.from(token, "base64url").toString("utf8");
  } catch {
    return "";
  }
}

/** `{value, nextLink}` as ARM pages lists: nextLink repeats the request with a `$skiptoken`. */
export function listResponse<R, T>(req: ArmRequest, page: Page<R>, view: (r: R) => T): ArmResponse {
  const body: { value: T[]; nextLink?: string } = { value: page.items.map(view) };
  if (page.continueAfter !== undefined) body.nextLink = nextLink(req, page.continueAfter);
  return { status: 200, body };
}

export function nextLink(req: ArmRequest, continueAfter: string): string {
  const url = new URL(req.path, req.origin);
  for (const [k, v] of Object.entries(req.query)) {
    if (k.toLowerCase() !== "$skiptoken") url.searchParams.set(k, v);
  }
  url.searchParams.set("$skiptoken", Buffer.from(continueAfter, "utf8").toString("base64url"));
  return url.toString();
}

/** Pages an in-memory list (for lists not backed by the resource table). */
export function pageOf<T>(
  items: T[],
  keyOf: (t: T) => string,
  after: string,
  limit: number,
): { items: T[]; continueAfter?: string } {
  const rest = items.filter((i) => keyOf(i) > after).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const slice = rest.slice(0, limit);
  return { items: slice, continueAfter: rest.length > limit ? keyOf(slice[slice.length - 1]!) : undefined };
}

/** One page of an in-memory list, as ARM answers a list: `value` and, when more follow, `nextLink`. */
export function pagedListResponse<T>(req: ArmRequest, items: T[], keyOf: (t: T) => string): ArmResponse {
  return listResponse(req, pageOf(items, keyOf, skipTokenOf(req), req.ctx.config.pageSize), (item) => item);
}
