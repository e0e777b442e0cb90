import { Client } from 'pg';
import type { Projection } from '@circle/projections';
import { repeatUntilStopped } from './repeat';

export interface ReadModelLagProbe {
  /** A command answered at `answeredAt` (performance.now()) with these events: watch them. */
  answered(eventIds: readonly string[], answeredAt: number): void;
  /**
   * A command whose answer names no events but the stream it appended to: its last event there,
   * read at once, stands for it (a later command's event, appended meanwhile, can only make the
   * lag look longer, never shorter).
   */
  answeredIn(streamId: string, answeredAt: number): void;
  /** Waits until every watched command is visible (or `timeoutMs` passed). */
  stop(timeoutMs: number): Promise<{
    lags: number[];
    missing: number;
    unseen: number;
    /** The events still awaited, by type: what to look at when `missing` is not 0. */
    missingTypes: Record<string, number>;
    /**
     * Each command's lag under the projection(s) it waited for last: those still missing its
     * last event at the poll before the one that found it visible. Where a long lag comes from.
     */
    byLaggard: Record<string, number[]>;
  }>;
}

interface Watched {
  readonly answeredAt: number;
  readonly waiting: Set<string>;
}

/**
 * From a command's answer to its effect in the supervisor's read models. The runner moves a
 * projection's position in each stream (`projection_stream_position`) in the transaction that
 * applies the stream's events, so an event is visible once every supervisor projection that
 * handles its type stands at or past its version there. Every `everyMs` one query asks that of
 * every watched event; a command is visible when all its events are. As in the settlement
 * probe, a lag taken at the poll's start overstates the true one by at most one poll's gap.
 */
export async function startReadModelLagProbe(
  databaseUrl: string,
  projections: readonly Projection[],
  everyMs = 10,
): Promise<ReadModelLagProbe> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const handlers = new Map<string, string[]>();
  const handling = (type: string): string[] => {
    let names = handlers.get(type);
    if (!names)
      handlers.set(type, (names = projections.filter((p) => p.handles(type)).map((p) => p.name)));
    return names;
  };
  const watched = new Set<Watched>();
  // Two commands can wait on one event: a stream's last event, read for each, may be the same.
  const byEvent = new Map<string, Set<Watched>>();
  const lags: number[] = [];
  const byLaggard: Record<string, number[]> = {};
  // Per event, the projections that had not applied it at the last poll.
  const stillMissing = new Map<string, readonly string[]>();
  let unseen = 0;
  // Where each watched event sits in the log, read once; each poll then reads positions only.
  const placed = new Map<string, { type: string; streamId: string; version: number }>();
  const place = async () => {
    const unplaced = [...byEvent.keys()].filter((id) => !placed.has(id));
    if (unplaced.length === 0) return;
    const { rows } = await db.query<{ id: string; type: string; stream: string; version: number }>(
      `SELECT event_id::text AS id, event_type AS type, stream_id AS stream, stream_version AS version
       FROM events WHERE event_id = ANY($1::uuid[])`,
      [unplaced],
    );
    for (const r of rows)
      placed.set(r.id, { type: r.type, streamId: r.stream, version: r.version });
  };
  const poll = async () => {
    if (byEvent.size === 0) return;
    const sent = performance.now();
    await place();
    const pairs = new Set<string>();
    for (const id of byEvent.keys()) {
      const event = placed.get(id);
      if (event) for (const name of handling(event.type)) pairs.add(`${name}\n${event.streamId}`);
    }
    const split = [...pairs].map((pair) => pair.split('\n'));
    const { rows } = await db.query<{ table_set: string; stream_id: string; version: number }>(
      `SELECT p.table_set, p.stream_id, p.version
       FROM unnest($1::text[], $2::text[]) AS w(table_set, stream_id)
       JOIN projection_stream_position p USING (table_set, stream_id)`,
      [split.map(([name]) => name), split.map(([, stream]) => stream)],
    );
    const at = new Map(rows.map((r) => [`${r.table_set}\n${r.stream_id}`, r.version]));
    for (const [id, commands] of [...byEvent]) {
      const event = placed.get(id);
      if (!event) continue;
      const missing = handling(event.type).filter(
        (name) => (at.get(`${name}\n${event.streamId}`) ?? 0) < event.version,
      );
      if (missing.length > 0) {
        stillMissing.set(id, missing);
        continue;
      }
      const laggard = (stillMissing.get(id) ?? ['(seen at the first poll)']).join(' + ');
      stillMissing.delete(id);
      placed.delete(id);
      byEvent.delete(id);
      for (const command of commands) {
        command.waiting.delete(id);
        if (command.waiting.size > 0) continue;
        watched.delete(command);
        const lag = sent - command.answeredAt;
        lags.push(lag);
        (byLaggard[laggard] ??= []).push(lag);
      }
    }
  };
  const stopPolling = repeatUntilStopped(poll, everyMs);
  const answered = (eventIds: readonly string[], answeredAt: number) => {
    if (eventIds.length === 0) return void unseen++;
    const command = { answeredAt, waiting: new Set(eventIds) };
    watched.add(command);
    for (const id of eventIds) byEvent.set(id, (byEvent.get(id) ?? new Set()).add(command));
  };
  const lookups = new Client({ connectionString: databaseUrl });
  await lookups.connect();
  // One lookup at a time on its own connection, in the order the answers came.
  let looking = Promise.resolve();
  return {
    answered,
    answeredIn(streamId, answeredAt) {
      looking = looking
        .then(() =>
          lookups.query<{ id: string }>(
            `SELECT event_id::text AS id FROM events WHERE stream_id = $1
             ORDER BY stream_version DESC LIMIT 1`,
            [streamId],
          ),
        )
        .then(({ rows }) =>
          answered(
            rows.map((r) => r.id),
            answeredAt,
          ),
        );
    },
    async stop(timeoutMs) {
      await looking;
      await lookups.end();
      const deadline = performance.now() + timeoutMs;
      while (watched.size > 0 && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await stopPolling();
      const missingTypes = await typesOf(db, [...byEvent.keys()]);
      await db.end();
      return { lags, missing: watched.size, unseen, missingTypes, byLaggard };
    },
  };
}

async function typesOf(db: Client, eventIds: readonly string[]): Promise<Record<string, number>> {
  if (eventIds.length === 0) return {};
  const { rows } = await db.query<{ type: string; n: string }>(
    `SELECT coalesce(e.event_type, '(not in the log)') AS type, count(*) AS n
     FROM unnest($1::uuid[]) AS w(id) LEFT JOIN events e ON e.event_id = w.id GROUP BY 1`,
    [eventIds],
  );
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}
