/**
 * At most `concurrency` tasks at a time, the rest queued in call order. Used where many small reads would
 * otherwise start at once (one replication-status GET per version row on screen).
 */
export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer, not ${concurrency}.`);
  let running = 0;
  const queue: (() => void)[] = [];
  return async (task, signal) => {
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      // A read queued for a row that scrolled away meanwhile is not sent at all.
      signal?.throwIfAborted();
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}
