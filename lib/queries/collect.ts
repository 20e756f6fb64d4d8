/** Drains one of the SDK's PagedAsyncIterableIterators (it follows nextLink page by page). */
export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}
