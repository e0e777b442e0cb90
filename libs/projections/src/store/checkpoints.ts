import { queryRows, type Db, type DbClient } from './database';
import { movePositionsParams, movePositionsSql, type PositionsToMove } from './stream-positions';

/** How far the live copy of a projection has read one Kafka partition. */
export interface Checkpoint {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to read, as Kafka's own committed offsets count. */
  readonly offset: string;
  readonly lastPosition: bigint | null;
  readonly lastOccurredAt: Date | null;
}

interface CheckpointRow {
  topic: string;
  partition: number;
  offset: string;
  last_position: string | null;
  last_occurred_at: Date | null;
}

/** A partition's place in Kafka, as one chunk of it is applied. */
export interface PartitionPlace {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * The checkpoint in PostgreSQL is not where the chunk in hand begins. Kafka's consumer keeps
 * its own position in memory; when PostgreSQL lost the last commits (a server crash with
 * `synchronous_commit` off), when a consumer that lost the partition finishes late, or when the
 * broker handed out records from elsewhere, applying the chunk would skip or repeat records.
 * Nothing is applied; the consumer moves back to `stored`.
 */
export class CheckpointMoved extends Error {
  constructor(
    readonly chunk: PartitionPlace,
    readonly stored: string | undefined,
  ) {
    super(
      `${chunk.topic}/${chunk.partition}: the chunk starts at ${chunk.offset}, PostgreSQL's checkpoint is at ${stored ?? 'nothing'}`,
    );
    this.name = 'CheckpointMoved';
  }
}

/**
 * Locks the checkpoint rows of the chunks' partitions for their transaction and checks that each
 * chunk starts exactly there. Every partition a consumer reads has a row (see recordStart), so a
 * missing one is a lost commit too. Rows are locked in one order, so two transactions that share
 * partitions (two consumers during a rebalance) queue instead of deadlocking.
 */
export async function verifyCheckpoints(
  client: DbClient,
  projection: string,
  chunks: readonly PartitionPlace[],
): Promise<void> {
  const rows = await queryRows<{ topic: string; partition: number; offset: string }>(
    client,
    `SELECT c.topic, c.partition, c."offset" FROM projection_checkpoint c
     JOIN unnest($2::text[], $3::int[]) AS p(topic, partition)
       ON c.topic = p.topic AND c.partition = p.partition
     WHERE c.projection = $1
     ORDER BY c.topic, c.partition FOR UPDATE OF c`,
    [projection, chunks.map((c) => c.topic), chunks.map((c) => c.partition)],
  );
  const stored = new Map(rows.map((r) => [`${r.topic}/${r.partition}`, String(r.offset)]));
  for (const chunk of chunks) {
    const offset = stored.get(`${chunk.topic}/${chunk.partition}`);
    if (offset !== chunk.offset) throw new CheckpointMoved(chunk, offset);
  }
}

/**
 * In the transaction that applied the chunks, after verifyCheckpoints locked their rows; with
 * the stream positions the chunks moved, in the same statement.
 */
export async function saveCheckpoints(
  client: DbClient,
  projection: string,
  checkpoints: readonly Checkpoint[],
  positions?: PositionsToMove,
): Promise<void> {
  const moving = positions && positions.changed.size > 0 ? positions : undefined;
  await queryRows(
    client,
    `${moving ? `WITH moved AS (${movePositionsSql(7)}) ` : ''}
     UPDATE projection_checkpoint c SET "offset" = p.next,
       last_position = COALESCE(p.last_position, c.last_position),
       last_occurred_at = COALESCE(p.last_occurred_at, c.last_occurred_at), updated_at = now()
     FROM unnest($2::text[], $3::int[], $4::bigint[], $5::bigint[], $6::timestamptz[])
       AS p(topic, partition, next, last_position, last_occurred_at)
     WHERE c.projection = $1 AND c.topic = p.topic AND c.partition = p.partition`,
    [
      projection,
      checkpoints.map((c) => c.topic),
      checkpoints.map((c) => c.partition),
      checkpoints.map((c) => c.offset),
      checkpoints.map((c) => c.lastPosition?.toString() ?? null),
      checkpoints.map((c) => c.lastOccurredAt),
      ...(moving ? movePositionsParams(moving) : []),
    ],
  );
}

/**
 * Where a consumer begins a partition it has no checkpoint for: written before anything is
 * applied, so that from then on every chunk has a row to build on. Returns the row as stored,
 * which is another consumer's if one got there first.
 */
export async function recordStart(
  db: Db,
  projection: string,
  start: PartitionPlace,
): Promise<string> {
  const [row] = await queryRows<{ offset: string }>(
    db,
    `WITH inserted AS (
       INSERT INTO projection_checkpoint (projection, topic, partition, "offset")
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING "offset")
     SELECT "offset" FROM inserted
     UNION ALL
     SELECT "offset" FROM projection_checkpoint
     WHERE projection = $1 AND topic = $2 AND partition = $3 AND NOT EXISTS (SELECT FROM inserted)`,
    [projection, start.topic, start.partition, start.offset],
  );
  return String(row?.offset ?? start.offset);
}

/**
 * Moves a checkpoint that points where Kafka holds nothing any more to `to`, once a rebuild
 * from the event store has covered what lay before; only if it still reads `from`.
 */
export async function moveCheckpoint(
  db: Db,
  projection: string,
  from: string | null,
  to: PartitionPlace,
): Promise<void> {
  await queryRows(
    db,
    `INSERT INTO projection_checkpoint (projection, topic, partition, "offset")
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (projection, topic, partition) DO UPDATE SET "offset" = EXCLUDED."offset",
       updated_at = now()
     WHERE projection_checkpoint."offset" IS NOT DISTINCT FROM $5::bigint`,
    [projection, to.topic, to.partition, to.offset, from],
  );
}

export async function loadCheckpoints(
  db: Db | DbClient,
  projection: string,
): Promise<Checkpoint[]> {
  const rows = await queryRows<CheckpointRow>(
    db,
    `SELECT topic, partition, "offset", last_position, last_occurred_at
     FROM projection_checkpoint WHERE projection = $1`,
    [projection],
  );
  return rows.map((r) => ({
    topic: r.topic,
    partition: Number(r.partition),
    offset: String(r.offset),
    lastPosition: r.last_position === null ? null : BigInt(r.last_position),
    lastOccurredAt: r.last_occurred_at,
  }));
}
