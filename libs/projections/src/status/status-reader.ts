import type { Admin } from 'kafkajs';
import type { Projection } from '../projection';
import { loadCheckpoints, type Checkpoint } from '../store/checkpoints';
import type { Db } from '../store/database';
import { countWaitingDeadLetters } from '../store/dead-letters';
import { projectionsRebuilding } from '../store/projection-lock';
import { gapOf } from '../kafka/log-gaps';
import type { PartitionStatus, ProjectionStatus } from './projection-status';
import { fetchOffsets, type PartitionOffsets } from './topic-offsets';

/** Lag of each projection: Kafka's latest offsets against the checkpoints in PostgreSQL. */
export async function readStatus(
  db: Db,
  admin: Admin,
  projections: readonly Projection[],
  now: Date = new Date(),
): Promise<ProjectionStatus[]> {
  const offsets = await fetchOffsets(
    admin,
    projections.flatMap((p) => p.topics),
  );
  const parked = await countWaitingDeadLetters(db);
  const rebuilding = await projectionsRebuilding(
    db,
    projections.map((p) => p.name),
  );
  const statuses: ProjectionStatus[] = [];
  for (const projection of projections) {
    const checkpoints = await loadCheckpoints(db, projection.name);
    const partitions = projection.topics.flatMap((topic) =>
      (offsets.get(topic) ?? []).map((o) => partitionStatus(topic, o, checkpoints)),
    );
    statuses.push({
      name: projection.name,
      topics: projection.topics,
      lagEvents: partitions.reduce((sum, p) => sum + p.lagEvents, 0),
      lagMs: lagMs(partitions, now),
      parked: parked.get(projection.name) ?? 0,
      gaps: partitions.filter((p) => p.gap).length,
      rebuilding: rebuilding.has(projection.name),
      partitions,
    });
  }
  return statuses;
}

function partitionStatus(
  topic: string,
  offsets: PartitionOffsets,
  checkpoints: readonly Checkpoint[],
): PartitionStatus {
  const checkpoint = checkpoints.find(
    (c) => c.topic === topic && c.partition === offsets.partition,
  );
  // Before its first commit a projection still has every retained record ahead of it.
  const applied = checkpoint ? BigInt(checkpoint.offset) : BigInt(offsets.low);
  const lag = BigInt(offsets.high) - applied;
  return {
    topic,
    partition: offsets.partition,
    latestOffset: offsets.high,
    earliestOffset: offsets.low,
    appliedOffset: checkpoint?.offset ?? null,
    lagEvents: lag > 0n ? Number(lag) : 0,
    lastAppliedOccurredAt: checkpoint?.lastOccurredAt?.toISOString() ?? null,
    gap: gapOf(topic, offsets, checkpoint?.offset) !== undefined,
  };
}

function lagMs(partitions: readonly PartitionStatus[], now: Date): number | null {
  const behind = partitions.filter((p) => p.lagEvents > 0);
  if (behind.length === 0) return 0;
  const ages = behind.flatMap((p) =>
    p.lastAppliedOccurredAt === null
      ? []
      : [Math.max(0, now.getTime() - Date.parse(p.lastAppliedOccurredAt))],
  );
  return ages.length > 0 ? Math.max(...ages) : null;
}
