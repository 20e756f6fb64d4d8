import { type Clock, realClock } from "@/lib/azure/clock";

/**
 * Runs async tasks with at most `concurrency` in flight, and keeps a per-key "not before" time so that when ARM
 * throttles one subscription (429 + Retry-After), the tasks of that subscription wait out the delay while other
 * subscriptions keep going: ARM's read quota is per subscription and principal.
 */
export class BoundedScheduler {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly notBefore = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly concurrency: number,
    private readonly clock: Clock = realClock,
    private readonly signal?: AbortSignal,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a positive integer, not ${concurrency}.`);
  }

  /** Holds back every task of `key` until `ms` from now (the longest hold wins). */
  holdKey(key: string, ms: number): void {
    const until = this.clock.now() + ms;
    if (until > (this.notBefore.get(key) ?? 0)) this.notBefore.set(key, until);
  }

  /** Waits until `key` is no longer held; re-checks, as another 429 may extend the hold meanwhile. */
  async waitForKey(key: string): Promise<void> {
    for (;;) {
      const wait = (this.notBefore.get(key) ?? 0) - this.clock.now();
      if (wait <= 0) return;
      await this.clock.sleep(wait, this.signal);
    }
  }

  /**
   * Queues a task; it starts when a slot is free, after `delayMs` and once `key` is no longer held. Waiting takes
   * no slot, so a request backing off never keeps another subscription's request from going. Errors are the
   * task's own business (wrap them).
   */
  run(task: () => Promise<void>, { key, delayMs = 0 }: { key?: string; delayMs?: number } = {}): void {
    const done = this.start(key, delayMs).then(() => task().finally(() => this.release()));
    const tracked = done
      .catch(() => undefined)
      .then(() => {
        this.pending.delete(tracked);
      });
    this.pending.add(tracked);
  }

  /** Resolves when every task queued so far, and every task they queued, has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Takes a slot for a task of `key`; a hold that began while the task was queued sends it back to wait. */
  private async start(key: string | undefined, delayMs: number): Promise<void> {
    if (delayMs > 0) await this.clock.sleep(delayMs, this.signal);
    for (;;) {
      if (key !== undefined) await this.waitForKey(key);
      await this.acquire();
      if (key === undefined || (this.notBefore.get(key) ?? 0) <= this.clock.now()) return;
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
