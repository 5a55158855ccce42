/** What a batch answers for one of its items: the result, or the error that item alone would have thrown. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit for a busy write (case intake, cases/intake/intake.write.ts; the batched check-in,
 * members/activities/checkin/checkin.batch.ts): an item submitted while a batch is in flight waits for it and goes
 * out with the others that arrived meanwhile, so N concurrent requests cost a few statements instead of N times as
 * many. Alone, an item waits only for the current turn of the event loop (or the batcher's `lingerMs`, if it has one).
 *
 * `write` answers every item of a batch (an item's own refusal is its Settled error and does not touch the others).
 * If `write` throws for a batch of several, each item is written again on its own, so one item that breaks the batch's
 * statement (a unique key two of them share, say) cannot fail the rest, and each gets its own answer.
 */
export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  /**
   * `lingerMs` (0: none): when nothing is in flight, the first item of a burst waits that long for the others before
   * its batch is taken. Without it a crowd that arrives over a few milliseconds (each request first checks its session)
   * goes out as a batch of one or two, and the rest wait for that write: two writes' time instead of one.
   */
  constructor(
    private readonly write: (items: T[]) => Promise<Settled<R>[]>,
    private readonly maxInFlight: number,
    private readonly maxBatch = 64,
    private readonly lingerMs = 0,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  /**
   * A batch is taken after the event loop's I/O phase (setImmediate): the embedded database runs on this thread, so
   * requests that arrived during a write are only parsed once it is done, and they should all join the next one.
   */
  private kick(): void {
    if (this.scheduled || !this.queue.length || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    const take = () => {
      this.scheduled = false;
      void this.writeBatch();
    };
    if (this.lingerMs > 0 && this.inFlight === 0) setTimeout(take, this.lingerMs);
    else setImmediate(take);
  }

  private async writeBatch(): Promise<void> {
    if (!this.queue.length || this.inFlight >= this.maxInFlight) return;
    this.inFlight++;
    const batch = this.queue.splice(0, this.maxBatch);
    this.kick();
    try {
      const answers = await this.settle(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const a = answers[i];
        if (a.ok) b.resolve(a.value);
        else b.reject(a.error);
      });
    } finally {
      this.inFlight--;
      this.kick();
    }
  }

  private async settle(items: T[]): Promise<Settled<R>[]> {
    try {
      return await this.write(items);
    } catch (error) {
      if (items.length === 1) return [{ ok: false, error }];
      return Promise.all(items.map(async (item) => (await this.settle([item]))[0]));
    }
  }
}
