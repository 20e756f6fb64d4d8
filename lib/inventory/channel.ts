/**
 * A push-to-pull bridge: producers push values as they arrive (from concurrent requests), one consumer reads
 * them in order with `for await`, one by one or in batches. The stream ends with close() or fails with fail().
 */
export class Channel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  push(value: T): void {
    if (this.closed) return;
    this.buffer.push(value);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.close();
  }

  private notify() {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const batch of this.batches()) yield* batch;
  }

  /** Everything pushed since the last read, as one array: a slow consumer catches up in one step. */
  async *batches(): AsyncGenerator<T[]> {
    for (;;) {
      if (this.buffer.length > 0) {
        yield this.buffer.splice(0);
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
