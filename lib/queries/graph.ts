import { queryOptions } from "@tanstack/react-query";
import { fetchWithRetry } from "@/lib/azure/armRetry";
import { AzureError } from "@/lib/azure/errors";
import {
  asObjectId,
  displayNameSearch,
  principalFromGraph,
  sortPrincipals,
  type DirectoryPrincipal,
  type PrincipalType,
} from "@/lib/sharing/principals";

/**
 * Microsoft Graph, as far as sharing needs it: find users, groups and service principals by name, and name the
 * principals of role assignments (directoryObjects/getByIds). Tokens for Graph come from MSAL like ARM's.
 */
export interface GraphTransport {
  endpoint: string;
  token(): Promise<string>;
}

async function graphJson<T>(
  graph: GraphTransport,
  path: string,
  init: { method?: "GET" | "POST"; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  // The ARM clients' retries (Retry-After honoured for 429/503, backoff otherwise): Graph throttles too.
  const response = await fetchWithRetry(new URL(path, graph.endpoint), {
    method: init.method ?? "GET",
    headers: {
      Authorization: `Bearer ${await graph.token()}`,
      Accept: "application/json",
      ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  }).catch((cause: unknown) => {
    throw new AzureError({
      status: 0,
      code: "NetworkError",
      message: `Microsoft Graph could not be reached: ${String(cause)}`,
    });
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw AzureError.fromResponse(
      { status: response.status, header: (name) => response.headers.get(name), body },
      undefined,
      "Microsoft Graph",
    );
  }
  return body as T;
}

const SELECT: Record<PrincipalType, string> = {
  User: "id,displayName,userPrincipalName,mail,userType",
  Group: "id,displayName,mail",
  ServicePrincipal: "id,displayName,appId",
};
const SET: Record<PrincipalType, string> = { User: "users", Group: "groups", ServicePrincipal: "servicePrincipals" };

/** Up to `top` of each kind whose display name matches; an object id is looked up directly. */
export async function searchPrincipals(graph: GraphTransport, text: string, top = 8): Promise<DirectoryPrincipal[]> {
  const objectId = asObjectId(text);
  if (objectId) return getPrincipalsByIds(graph, [objectId]);
  const term = text.trim();
  if (!term) return [];
  const lists = await Promise.all(
    (Object.keys(SET) as PrincipalType[]).map(async (type) => {
      const query = new URLSearchParams({
        $search: displayNameSearch(term),
        $select: SELECT[type],
        $top: String(top),
        $count: "true",
      });
      const page = await graphJson<{ value: Record<string, unknown>[] }>(graph, `/v1.0/${SET[type]}?${query}`, {
        headers: { ConsistencyLevel: "eventual" },
      });
      return page.value.flatMap((o) => principalFromGraph(o as never, type) ?? []);
    }),
  );
  return sortPrincipals(lists.flat());
}

/** Names for object ids; ids the directory does not know are left out. */
export async function getPrincipalsByIds(graph: GraphTransport, ids: readonly string[]): Promise<DirectoryPrincipal[]> {
  if (ids.length === 0) return [];
  const result = await graphJson<{ value: Record<string, unknown>[] }>(graph, "/v1.0/directoryObjects/getByIds", {
    method: "POST",
    body: { ids: [...new Set(ids.map((id) => id.toLowerCase()))], types: ["user", "group", "servicePrincipal"] },
  });
  return result.value.flatMap((o) => principalFromGraph(o as never) ?? []);
}

export const graphQueries = {
  all: () => ["graph"] as const,
  search: (graph: GraphTransport, text: string) =>
    queryOptions({
      queryKey: [...graphQueries.all(), "search", text.trim().toLowerCase()] as const,
      queryFn: () => searchPrincipals(graph, text),
      enabled: text.trim().length >= 2,
      staleTime: 60_000,
    }),
  byIds: (graph: GraphTransport, ids: readonly string[]) =>
    queryOptions({
      queryKey: [...graphQueries.all(), "byIds", [...ids].map((id) => id.toLowerCase()).sort()] as const,
      queryFn: () => getPrincipalsByIds(graph, ids),
      enabled: ids.length > 0,
      staleTime: 5 * 60_000,
    }),
};
