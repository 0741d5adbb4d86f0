/** Accounts read at once: enough to hide latency, few enough to stay clear of STS and API throttling. */
export const DEFAULT_CONCURRENCY = 8;

/** `work` over `items`, at most `limit` at a time, results in the order of `items`. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
