import type { ArmClients } from "@/lib/azure/clients";
import { armRequest } from "@/lib/publish/armRequest";

const RESOURCE_GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01";
const PAGE_SIZE = 1000;

interface GraphPage<T> {
  data: T[];
  $skipToken?: string;
}

/**
 * Every row of a Resource Graph query over the given subscriptions, following $skipToken. Resource Graph only
 * returns what the caller may read, which is what the publish forms want to offer. The request goes through the
 * first subscription's client (the call itself is tenant-level).
 */
export async function queryResourceGraph<T>(arm: ArmClients, subscriptions: readonly string[], query: string): Promise<T[]> {
  if (subscriptions.length === 0) return [];
  const rows: T[] = [];
  let skipToken: string | undefined;
  do {
    const page: GraphPage<T> = await armRequest<GraphPage<T>>(arm, subscriptions[0]!, {
      method: "POST",
      pathAndQuery: RESOURCE_GRAPH_PATH,
      body: { subscriptions, query, options: { $top: PAGE_SIZE, resultFormat: "objectArray", ...(skipToken ? { $skipToken: skipToken } : {}) } },
    });
    rows.push(...page.data);
    skipToken = page.$skipToken || undefined;
  } while (skipToken);
  return rows;
}
