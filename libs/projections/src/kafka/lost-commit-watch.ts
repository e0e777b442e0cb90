import type { Checkpoint } from '../store/checkpoints';
import { partitionKey } from './resume-offsets';

const CHECK_EVERY_MS = 2_000;

interface Committed {
  readonly topic: string;
  readonly partition: number;
  readonly next: bigint;
}

/**
 * A PostgreSQL crash may take the last commits with it (they do not wait for the disk), while
 * Kafka's consumer keeps its place in memory. A partition that receives more records finds out
 * through CheckpointMoved; one with nothing more to read would wait at its end forever, its
 * read model short of what Kafka holds. So, every few seconds, the checkpoints are read back,
 * and each partition whose checkpoint is behind what this consumer committed there moves back.
 * A commit made during the read is not compared with it: what is compared was taken before.
 */
export class LostCommitWatch {
  private readonly committed = new Map<string, Committed>();
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  /** Moves found by a check that began before forget() belong to a consumer that is gone. */
  private generation = 0;

  constructor(
    private readonly loadCheckpoints: () => Promise<readonly Checkpoint[]>,
    private readonly moveBack: (topic: string, partition: number, committed: string) => void,
    private readonly everyMs = CHECK_EVERY_MS,
  ) {}

  /** `next` is the offset after the last record this consumer committed on the partition. */
  committedUpTo(topic: string, partition: number, next: string): void {
    this.committed.set(partitionKey(topic, partition), { topic, partition, next: BigInt(next) });
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
  }

  /** The partitions were handed out again, or the consumer stops: its commits are not ours. */
  forget(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.committed.clear();
    this.generation++;
  }

  /** Resolves once the checkpoints were read back and every lost commit moved its partition. */
  async check(): Promise<void> {
    if (this.checking || this.committed.size === 0) return;
    this.checking = true;
    const expected = [...this.committed.values()];
    const generation = this.generation;
    try {
      const stored = new Map(
        (await this.loadCheckpoints()).map((c) => [partitionKey(c.topic, c.partition), c.offset]),
      );
      if (generation !== this.generation) return;
      for (const { topic, partition, next } of expected) {
        const key = partitionKey(topic, partition);
        const offset = stored.get(key);
        if (offset === undefined || BigInt(offset) >= next) continue;
        if (this.committed.get(key)?.next === next) this.committed.delete(key);
        this.moveBack(topic, partition, next.toString());
      }
    } catch {
      // PostgreSQL is away (it may be coming back from the very crash): the next round looks.
    } finally {
      this.checking = false;
    }
  }
}
