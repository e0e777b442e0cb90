import { partitionKey, type Assignment } from './resume-offsets';

export interface SeekTarget {
  topic: string;
  partition: number;
  offset: string;
  /** Set when a batch arrived from elsewhere: Kafka's idea of the position was wrong. */
  offered?: string | null;
}

/**
 * Keeps a consumer where PostgreSQL says it is. On every assignment each partition is moved to
 * its recorded offset — also partitions with nothing new, whose group offset may be wrong — and
 * no batch is applied before its partition is known to start at that offset: applying records
 * out of place would make the stream positions skip the ones it jumped over.
 */
export class CheckpointAlignment {
  private assignment: Assignment = {};
  private targets: Promise<Map<string, string>> | undefined;
  private readonly aligned = new Set<string>();

  constructor(
    private readonly resumeOffsets: (assignment: Assignment) => Promise<Map<string, string>>,
    private readonly seek: (target: SeekTarget) => void,
  ) {}

  assigned(assignment: Assignment): void {
    this.assignment = assignment;
    this.aligned.clear();
    this.targets = undefined;
    const loading = this.load();
    loading.then(
      (targets) => {
        if (this.targets !== loading) return;
        for (const [topic, partitions] of Object.entries(assignment))
          for (const partition of partitions) {
            const offset = targets.get(partitionKey(topic, partition));
            if (offset !== undefined && !this.aligned.has(partitionKey(topic, partition)))
              this.seek({ topic, partition, offset });
          }
      },
      () => undefined,
    );
  }

  /** True when a batch starting at `firstOffset` may be applied; otherwise it seeks instead. */
  async admits(topic: string, partition: number, firstOffset: string | null): Promise<boolean> {
    const key = partitionKey(topic, partition);
    if (this.aligned.has(key)) return true;
    const offset = (await this.load()).get(key);
    this.aligned.add(key);
    if (offset === undefined || offset === firstOffset) return true;
    this.seek({ topic, partition, offset, offered: firstOffset });
    return false;
  }

  private load(): Promise<Map<string, string>> {
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
