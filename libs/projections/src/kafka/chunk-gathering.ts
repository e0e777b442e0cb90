import type { ChunkPart } from './chunk-applier';

const REST_MS = 10;

interface Waiting {
  readonly part: ChunkPart;
  readonly settle: (applied: boolean) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * kafkajs hands each partition of a fetch to eachBatch separately, all in the same turn of the
 * event loop. The chunks that arrive in one turn are applied together, in one transaction; the
 * next turn starts the next group. Under load a fetch brings events of every partition, and a
 * transaction per partition would cost its round trips six times over for an event or two each.
 *
 * When every chunk of a group was the end of what its partition held, the group rests a few
 * milliseconds before handing the partitions back: kafkajs fetches again only then, so the next
 * fetch brings what arrived meanwhile instead of one event per fetch and transaction. An event
 * waits at most that rest longer; a projection catching up does not rest.
 */
export class ChunkGathering {
  private waiting: Waiting[] = [];

  constructor(
    private readonly applyParts: (parts: readonly ChunkPart[]) => Promise<boolean[]>,
    private readonly restMs = REST_MS,
  ) {}

  /** False when nothing of the part was applied (see ChunkApplier.apply). */
  apply(part: ChunkPart): Promise<boolean> {
    return new Promise((settle, fail) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ part, settle, fail });
    });
  }

  private async flush(): Promise<void> {
    const group = this.waiting;
    this.waiting = [];
    let applied: boolean[];
    try {
      applied = await this.applyParts(group.map((w) => w.part));
    } catch (error) {
      group.forEach((w) => w.fail(error));
      return;
    }
    if (this.restMs > 0 && group.every((w) => w.part.caughtUp)) await sleep(this.restMs);
    group.forEach((w, i) => w.settle(applied[i] ?? false));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
