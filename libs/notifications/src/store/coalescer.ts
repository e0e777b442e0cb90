/** Statements of one kind written side by side by the notifier's stores. */
export const STATEMENTS_IN_FLIGHT = 2;

interface Pending<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Many concurrent one-row calls become few statements. While `parallel` statements are being
 * written the calls that arrive wait, and go together in the next one; a key appears at most
 * once per statement (a repeat waits for a later one), so no statement touches a row twice.
 * Each caller still gets its own row's answer only after the statement holding it committed.
 *
 * Every round trip costs a socket write and a wake-up on both ends; at thousands of messages a
 * second, three statements per message were most of the notifier's time. More than one
 * statement in flight keeps a slow commit from holding up every message behind it.
 */
export class Coalescer<I extends { readonly key: string }, R> {
  private waiting: Pending<I, R>[] = [];
  private writing = 0;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<ReadonlyMap<string, R>>,
    private readonly parallel = 1,
    private readonly maxBatch = 500,
  ) {}

  run(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.writing >= this.parallel || this.waiting.length === 0) return;
    const batch: Pending<I, R>[] = [];
    const keys = new Set<string>();
    const later: Pending<I, R>[] = [];
    for (const pending of this.waiting) {
      if (batch.length < this.maxBatch && !keys.has(pending.item.key)) {
        batch.push(pending);
        keys.add(pending.item.key);
      } else later.push(pending);
    }
    this.waiting = later;
    this.writing++;
    this.write(batch.map((p) => p.item))
      .then(
        (results) => {
          for (const p of batch) p.resolve(results.get(p.item.key) as R);
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      )
      .finally(() => {
        this.writing--;
        this.next();
      });
  }
}
