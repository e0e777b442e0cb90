import type { LogGap } from './log-gaps';
import { partitionKey, type Assignment, type PartitionStart } from './resume-offsets';

const RETRY_MS = 1_000;

export interface SeekTarget {
  topic: string;
  partition: number;
  offset: string;
  /** Set when a batch arrived from elsewhere: Kafka's idea of the position was wrong. */
  offered?: string | null;
}

export interface AlignmentMoves {
  seek(target: SeekTarget): void;
  /** Kafka no longer holds what the partition needs next; nothing may be applied there. */
  gap(gap: LogGap): void;
}

/**
 * Keeps a consumer where PostgreSQL says it is. On every assignment each partition is moved to
 * its recorded offset — also partitions with nothing new, whose group offset may be wrong — and
 * no batch is applied before its partition is known to start at that offset: applying records
 * out of place would make the stream positions skip the ones it jumped over. A chunk that finds
 * the checkpoint moved under it (see CheckpointMoved) realigns its partition the same way.
 */
export class CheckpointAlignment {
  private assignment: Assignment = {};
  private targets: Promise<Map<string, PartitionStart>> | undefined;
  private readonly aligned = new Set<string>();
  private readonly toMove = new Map<
    string,
    { topic: string; partition: number; offered: string | undefined }
  >();

  constructor(
    private readonly resumeOffsets: (
      assignment: Assignment,
    ) => Promise<Map<string, PartitionStart>>,
    private readonly moves: AlignmentMoves,
  ) {}

  assigned(assignment: Assignment): void {
    this.assignment = assignment;
    this.aligned.clear();
    this.toMove.clear();
    this.targets = undefined;
    const keys = Object.entries(assignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    this.moveEagerly(keys);
  }

  /** After a chunk found PostgreSQL elsewhere: forget the partition's place and find it again. */
  realign(topic: string, partition: number, offered: string): void {
    this.aligned.delete(partitionKey(topic, partition));
    this.targets = undefined;
    this.moveEagerly([{ topic, partition }], offered);
  }

  /** True when a batch starting at `firstOffset` may be applied; otherwise it moves instead. */
  async admits(topic: string, partition: number, firstOffset: string | null): Promise<boolean> {
    const key = partitionKey(topic, partition);
    if (this.aligned.has(key)) return true;
    const start = (await this.load()).get(key);
    if (start && 'gap' in start) {
      this.moves.gap(start.gap);
      return false;
    }
    this.aligned.add(key);
    if (start === undefined || start.offset === firstOffset) return true;
    this.moves.seek({ topic, partition, offset: start.offset, offered: firstOffset });
    return false;
  }

  /**
   * Moves at once, so a partition with nothing new to fetch is in place all the same. Moves
   * asked for while checkpoints load wait for the latest load, which knows them all.
   */
  private moveEagerly(partitions: { topic: string; partition: number }[], offered?: string): void {
    for (const { topic, partition } of partitions)
      this.toMove.set(partitionKey(topic, partition), { topic, partition, offered });
    const loading = this.load();
    loading.then(
      (starts) => {
        if (this.targets !== loading) return;
        const moving = [...this.toMove];
        this.toMove.clear();
        for (const [key, { topic, partition, offered: from }] of moving) {
          const start = starts.get(key);
          if (start === undefined || this.aligned.has(key)) continue;
          if ('gap' in start) this.moves.gap(start.gap);
          else this.moves.seek({ topic, partition, offset: start.offset, offered: from });
        }
      },
      () => {
        // PostgreSQL is away: a partition with nothing new would never ask again by itself.
        if (this.toMove.size > 0) setTimeout(() => this.moveEagerly([]), RETRY_MS).unref();
      },
    );
  }

  private load(): Promise<Map<string, PartitionStart>> {
    if (!this.targets) {
      const loading = this.resumeOffsets(this.assignment);
      this.targets = loading;
      // A failed load is retried by the next batch instead of being remembered.
      loading.catch(() => {
        if (this.targets === loading) this.targets = undefined;
      });
    }
    return this.targets;
  }
}
