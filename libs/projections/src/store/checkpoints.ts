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

/**
 * Written in the transaction that applied the events, so it can never disagree with the read
 * model. The offset only moves forward: a consumer that lost its partition in a rebalance but
 * finishes its batch late must not drag the checkpoint back.
 */
export async function saveCheckpoint(
  client: DbClient,
  projection: string,
  checkpoint: Checkpoint,
): Promise<void> {
  await queryRows(
    client,
    `INSERT INTO projection_checkpoint
       (projection, topic, partition, "offset", last_position, last_occurred_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (projection, topic, partition) DO UPDATE SET
       "offset" = GREATEST(projection_checkpoint."offset", EXCLUDED."offset"),
       last_position = COALESCE(EXCLUDED.last_position, projection_checkpoint.last_position),
       last_occurred_at = COALESCE(EXCLUDED.last_occurred_at, projection_checkpoint.last_occurred_at),
       updated_at = now()`,
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
