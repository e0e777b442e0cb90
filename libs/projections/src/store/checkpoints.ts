import { queryRows, type Db, type DbClient } from './database';

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
 * Locks the partition's checkpoint row for the chunk's transaction and checks that the chunk
 * starts exactly there. Every partition a consumer reads has a row (see recordStart), so a
 * missing one is a lost commit too.
 */
export async function verifyCheckpoint(
  client: DbClient,
  projection: string,
  chunk: PartitionPlace,
): Promise<void> {
  const [row] = await queryRows<{ offset: string }>(
    client,
    `SELECT "offset" FROM projection_checkpoint
     WHERE projection = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
    [projection, chunk.topic, chunk.partition],
  );
  const stored = row === undefined ? undefined : String(row.offset);
  if (stored !== chunk.offset) throw new CheckpointMoved(chunk, stored);
}

/** In the transaction that applied the chunk, after verifyCheckpoint locked its row. */
export async function saveCheckpoint(
  client: DbClient,
  projection: string,
  checkpoint: Checkpoint,
): Promise<void> {
  await queryRows(
    client,
    `UPDATE projection_checkpoint SET "offset" = $4,
       last_position = COALESCE($5, last_position),
       last_occurred_at = COALESCE($6, last_occurred_at), updated_at = now()
     WHERE projection = $1 AND topic = $2 AND partition = $3`,
    [
      projection,
      checkpoint.topic,
      checkpoint.partition,
      checkpoint.offset,
      checkpoint.lastPosition?.toString() ?? null,
      checkpoint.lastOccurredAt,
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
