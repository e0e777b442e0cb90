import { Client } from 'pg';

/**
 * The supervisor's read model against the log it is fed from: every settlement with its
 * amounts and reversal, every benefit year with the totals of its last event. Counting rows
 * says each settlement arrived; this says each arrived right.
 */
export async function readModelDiffers(databaseUrl: string): Promise<Record<string, number>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ what: string; n: number }>(`
      WITH last AS (
        SELECT DISTINCT ON (stream_id) data FROM events
        WHERE event_type LIKE 'settlement.%' ORDER BY stream_id, stream_version DESC)
      SELECT 'years whose totals differ' AS what, count(*)::int AS n
      FROM last l LEFT JOIN settlement_benefit_year y
        ON y.resident_id = l.data->>'residentId' AND y.year = (l.data->>'year')::int
      WHERE y.totals IS DISTINCT FROM l.data->'totalsAfter'
      UNION ALL
      SELECT 'settlements missing or differing', count(*)::int
      FROM events e LEFT JOIN settlement_record r ON r.settlement_id = e.data->>'settlementId'
      WHERE e.event_type = 'settlement.BillSettled'
        AND (r.settlement_id IS NULL OR r.psn_cash_pay <> (e.data->>'psn_cash_pay')::bigint
             OR r.hifp_pay <> (e.data->>'hifp_pay')::bigint)`);
    return Object.fromEntries(rows.map((r) => [r.what, r.n]));
  } finally {
    await db.end();
  }
}
