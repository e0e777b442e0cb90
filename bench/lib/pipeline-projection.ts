import type { Pool } from 'pg';
import type { Projection } from '@circle/projections';
import type { StoredEvent } from '@circle/event-store';

/** On the diagnostics topic, which keeps the project's own check traffic off business topics. */
export const BENCH_EVENT_TYPE = 'diagnostics.BenchTicketIssued';
export const PIPELINE_PROJECTION = 'bench_pipeline';
const TABLE = 'bench_pipeline_stream';

/** Created in the bench database only: no migration ships a benchmark's read model. */
export const PIPELINE_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS ${TABLE} (
    stream_id        text        PRIMARY KEY,
    events           int         NOT NULL,
    last_version     int         NOT NULL,
    last_occurred_at timestamptz NOT NULL
  )`;

/**
 * When each bench event became visible in the read model. An event counts once its projection
 * transaction has committed, not when `apply` ran: the last event of a chunk is applied a whole
 * chunk later than the first, and only the commit makes either of them readable.
 */
export class ProjectedEvents {
  /** Milliseconds from `occurredAt` to the commit that made the event visible. */
  readonly lags: number[] = [];
  /** Commit times (ms since the epoch) of every counted event, for windowed rates. */
  readonly committedAt: number[] = [];
  /** The events' own occurred-at, so lags can be taken from the measured window only. */
  readonly occurredAt: number[] = [];
  private readonly pending = new Map<number, number[]>();
  private readonly counted = new Map<string, number>();

  /**
   * A chunk runs on one pooled client from BEGIN to COMMIT and is released right after, so a
   * release is the moment its events became visible. `apply` learns its backend pid from its
   * own upsert; the client knows its pid from the server's handshake (node-postgres keeps it as
   * `processID`, for cancel requests, though its typings leave it out).
   */
  watch(pool: Pool): void {
    pool.on('release', (error, client) => {
      const pid: unknown = Reflect.get(client, 'processID');
      if (typeof pid !== 'number') return;
      const occurred = this.pending.get(pid);
      if (!occurred || occurred.length === 0) return;
      this.pending.set(pid, []);
      // Only a client whose rollback failed comes back with an error; its chunk never committed.
      // The bench projection never throws, so the clean rollback of a poison chunk cannot occur.
      if (error) return;
      const now = Date.now();
      for (const at of occurred) {
        this.lags.push(now - at);
        this.committedAt.push(now);
        this.occurredAt.push(at);
      }
    });
  }

  /** The runner drops duplicates before `apply`; a chunk redone after a rollback is not. */
  applied(pid: number, streamId: string, version: number, occurredAt: Date): void {
    if ((this.counted.get(streamId) ?? 0) >= version) return;
    this.counted.set(streamId, version);
    let list = this.pending.get(pid);
    if (!list) this.pending.set(pid, (list = []));
    list.push(occurredAt.getTime());
  }

  get count(): number {
    return this.committedAt.length;
  }
}

/**
 * A counter per stream, written set-based through `applyBatch`: one upsert per chunk, a row per
 * stream it touched. The runner applies only records of this database's log, so other users of
 * the topic do not count.
 */
export function pipelineProjection(topic: string, seen: ProjectedEvents): Projection {
  /** A row per stream: the chunk's events counted per stream here, then one upsert. */
  const applyBatch: NonNullable<Projection['applyBatch']> = async (events, tx) => {
    const perStream = new Map<string, { events: number; last: StoredEvent }>();
    for (const event of events) {
      const counted = perStream.get(event.streamId);
      if (counted) {
        counted.events++;
        counted.last = event;
      } else perStream.set(event.streamId, { events: 1, last: event });
    }
    const rows = [...perStream.entries()];
    const [row] = await tx.query<{ pid: number }>(
      `INSERT INTO ${tx.table(TABLE)} AS s (stream_id, events, last_version, last_occurred_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[])
       ON CONFLICT (stream_id) DO UPDATE
       SET events = s.events + EXCLUDED.events, last_version = EXCLUDED.last_version,
           last_occurred_at = EXCLUDED.last_occurred_at
       RETURNING pg_backend_pid() AS pid`,
      [
        rows.map(([streamId]) => streamId),
        rows.map(([, c]) => c.events),
        rows.map(([, c]) => c.last.streamVersion),
        rows.map(([, c]) => c.last.occurredAt),
      ],
    );
    if (!row) return;
    for (const event of events)
      seen.applied(row.pid, event.streamId, event.streamVersion, event.occurredAt);
  };
  return {
    name: PIPELINE_PROJECTION,
    topics: [topic],
    tables: [TABLE],
    handles: (type) => type === BENCH_EVENT_TYPE,
    apply: (event, tx) => applyBatch([event], tx),
    applyBatch,
  };
}
