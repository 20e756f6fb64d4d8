import { GraphIndex, type GraphSources } from "./graphIndex.js";
import type { Table } from "./kql/evaluate.js";
import { type QuotaSettings, UserQuota } from "./quota.js";

/** Queries whose filtered, ordered rows are kept; a paging client asks the same query once per page. */
const RESULT_CACHE_SIZE = 8;

/** What Resource Graph keeps between queries of one emulator: the row index, recent results, each user's quota. */
export class ResourceGraphState {
  readonly index: GraphIndex;
  readonly quota: UserQuota;
  private readonly results = new Map<string, Table>();

  constructor(sources: GraphSources, quota: QuotaSettings) {
    this.index = new GraphIndex(sources);
    this.quota = new UserQuota(quota);
  }

  /**
   * The filtered, ordered rows of a query, computed once and reused by its next pages while the index generation
   * (part of the key) is unchanged, as Resource Graph serves `$skipToken` pages from one result rather than
   * re-running the query over 40,000 rows per page.
   */
  cachedResult(key: string, compute: () => Table): Table {
    let table = this.results.get(key);
    if (table) {
      this.results.delete(key);
    } else {
      table = compute();
      if (this.results.size >= RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
    }
    this.results.set(key, table);
    return table;
  }
}
