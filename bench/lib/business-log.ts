import { Client } from 'pg';

const CHUNK = 100_000;
const STATIONS = ['hall', 'town-1', 'town-2', 'hosp-1', 'hosp-2', 'hosp-3', 'village-1'];
const TICKET_STEPS = [
  'walkins.TicketIssued',
  'walkins.TicketCalled',
  'walkins.ServiceStarted',
  'walkins.ServiceCompleted',
];
const PERSON_STEPS = [
  'enrollment.ResidentEnrolled',
  'enrollment.ContributionAssessed',
  'enrollment.ContributionPaid',
  'enrollment.CoverageActivated',
];

/**
 * Runs one INSERT … SELECT generate_series per chunk, each its own transaction, so stream
 * versions grow with (transaction id, position) as appends leave them. Event `i` is version
 * `(i - 1) / streams + 1` of stream `(i - 1) % streams`: streams interleave as a busy day's do.
 */
async function insertChunks(
  databaseUrl: string,
  count: number,
  streams: number,
  select: string,
): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('SET synchronous_commit = off');
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await db.query(
        `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version,
                             data, metadata, occurred_at)
         SELECT e.stream_id, e.version, gen_random_uuid(), e.type, e.schema_version, e.data,
                jsonb_build_object('correlationId', gen_random_uuid(), 'actor', 'bench'), now()
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT (i - 1) % $3 AS s, (i - 1) / $3 + 1 AS version) AS n,
              LATERAL (${select}) AS e`,
        [from, to, streams],
      );
    }
  } finally {
    await db.end();
  }
}

/**
 * Tickets that are issued, called, started and completed, four events each, in queue streams
 * of one station and day, as the walk-in apps append them. Every stream gets as many tickets,
 * so the number loaded (returned) is `tickets` rounded up.
 */
export async function loadTicketDays(
  databaseUrl: string,
  tickets: number,
  days = 20,
): Promise<number> {
  const streams = STATIONS.length * days;
  const perStream = Math.ceil(tickets / streams);
  const select = `
    SELECT 'queue-' || station || '-' || day AS stream_id, n.version,
           ($4::text[])[step + 1] AS type, CASE WHEN step = 0 THEN 2 ELSE 1 END AS schema_version,
           CASE step
             WHEN 0 THEN jsonb_build_object('ticketId', ticket, 'stationId', station,
               'number', 'A' || lpad(serial::text, 3, '0'), 'business', 'ENROLL_RESIDENT',
               'priorityClass', 'regular', 'arrivedAt', at, 'issuedAt', at)
             WHEN 1 THEN jsonb_build_object('ticketId', ticket, 'number', 'A' || serial,
               'counterId', '1', 'clerk', 'clerk-' || station, 'calledAt', at,
               'priorityStreak', serial % 3)
             WHEN 2 THEN jsonb_build_object('ticketId', ticket, 'counterId', '1',
               'clerk', 'clerk-' || station, 'at', at)
             ELSE jsonb_build_object('ticketId', ticket, 'business', 'ENROLL_RESIDENT',
               'counterId', '1', 'clerk', 'clerk-' || station, 'outcome', 'done',
               'serviceSeconds', 180 + serial % 60, 'at', at)
           END AS data
    FROM (SELECT ($5::text[])[n.s % $6 + 1] AS station,
                 to_char(date '2026-01-01' + (n.s / $6)::int, 'YYYY-MM-DD') AS day,
                 (n.version - 1) / 4 + 1 AS serial, (n.version - 1) % 4 AS step,
                 to_char(timestamptz '2026-01-01 08:00+08' + make_interval(secs => n.version),
                         'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) AS t,
         LATERAL (SELECT t.station || '-' || replace(t.day, '-', '') || '-' ||
                         lpad(t.serial::text, 4, '0') AS ticket) AS k`;
  await insertWith(databaseUrl, perStream * streams * 4, streams, select, [
    TICKET_STEPS,
    STATIONS,
    STATIONS.length,
  ]);
  return perStream * streams;
}

/** Residents enrolled, assessed, paid and covered, four events each in their person stream. */
export function loadEnrolments(databaseUrl: string, residents: number): Promise<void> {
  const select = `
    SELECT 'resident-' || resident AS stream_id, n.version, ($4::text[])[step + 1] AS type,
           1 AS schema_version,
           CASE step
             WHEN 0 THEN jsonb_build_object('residentId', resident, 'year', 2026,
               'notice', jsonb_build_object('maskedName', '张*'), 'region', 'taibai-lake',
               'category', 'general', 'policyVersion', 'taibai-lake/2026', 'stationId', 'hall',
               'at', '2026-01-05T02:00:00.000Z')
             WHEN 1 THEN jsonb_build_object('residentId', resident, 'year', 2026,
               'individualFen', 38000, 'subsidyFen', 64000, 'payableFen', 38000, 'waivedFen', 0)
             WHEN 2 THEN jsonb_build_object('residentId', resident, 'year', 2026,
               'paidFen', 38000)
             ELSE jsonb_build_object('residentId', resident, 'year', 2026)
           END AS data
    FROM (SELECT 'B' || lpad(n.s::text, 17, '0') AS resident, (n.version - 1) % 4 AS step) AS t
    WHERE n.version <= 4`;
  return insertWith(databaseUrl, residents * 4, residents, select, [PERSON_STEPS]);
}

/** The select's own parameters follow the three of insertChunks, inlined as literals. */
function insertWith(
  databaseUrl: string,
  count: number,
  streams: number,
  select: string,
  params: readonly unknown[],
): Promise<void> {
  const literal = (value: unknown): string =>
    Array.isArray(value)
      ? `ARRAY[${value.map((v) => `'${String(v)}'`).join(', ')}]::text[]`
      : String(value);
  const inlined = params.reduce<string>(
    (sql, value, index) => sql.replaceAll(`$${index + 4}`, literal(value)),
    select,
  );
  return insertChunks(databaseUrl, count, streams, inlined);
}
