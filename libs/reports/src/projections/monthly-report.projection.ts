import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import {
  REPORT_EVENT_TYPES,
  activationRow,
  assessmentRow,
  paymentRow,
  reversalRow,
  serviceRow,
  settlementRow,
} from './report-rows';

export const MONTHLY_REPORT_PROJECTION = 'monthly_report';

// Each table's columns as jsonb_to_recordset reads them, in the order the rows carry them.
const COLUMNS = {
  report_settlement: `settlement_id text, month text, station_id text, region text, setting text,
    scheme text, source text, total_fen bigint, fund_fen bigint, assistance_fen bigint`,
  report_assessment: `person_year text, region text, individual_fen bigint, subsidy_fen bigint,
    waived_fen bigint`,
  report_contribution: `entry_id text, kind text, person_year text, month text, station_id text,
    amount_fen bigint`,
  report_service: 'ticket_id text, month text, station_id text, business text, outcome text',
} as const;

type Table = keyof typeof COLUMNS;

const names = (table: Table) =>
  COLUMNS[table]
    .split(',')
    .map((column) => column.trim().split(/\s+/)[0])
    .join(', ');

/** Rows go in as one JSON array per table and chunk, however many events the chunk holds. */
async function insert(
  tx: ProjectionTx,
  table: Table,
  rows: readonly object[],
  onConflict: string,
): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO ${tx.table(table)} (${names(table)})
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS[table]}) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

const of = (events: readonly StoredEvent[], type: string) => events.filter((e) => e.type === type);

/** The last of each key wins, as applying the events one by one would leave it. */
function lastPerKey<R extends { person_year: string }>(rows: readonly R[]): R[] {
  return [...new Map(rows.map((r) => [r.person_year, r])).values()];
}

/**
 * Every row is keyed by what it counts (a settlement, a payment event, a person's year, a
 * ticket), so a repeat changes nothing. Settlements go in before the chunk's reversals of them.
 */
async function applyInOrder(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void> {
  await insert(
    tx,
    'report_settlement',
    of(events, 'settlement.BillSettled').map(settlementRow),
    'ON CONFLICT (settlement_id) DO NOTHING',
  );
  const reversals = of(events, 'settlement.SettlementReversed').map(reversalRow);
  if (reversals.length)
    await tx.query(
      `UPDATE ${tx.table('report_settlement')} AS s SET reversed_month = r.reversed_month
       FROM jsonb_to_recordset($1::jsonb) AS r(settlement_id text, reversed_month text)
       WHERE s.settlement_id = r.settlement_id`,
      [JSON.stringify(reversals)],
    );
  await insert(
    tx,
    'report_assessment',
    lastPerKey(of(events, 'enrollment.ContributionAssessed').map(assessmentRow)),
    `ON CONFLICT (person_year) DO UPDATE SET region = excluded.region,
       individual_fen = excluded.individual_fen, subsidy_fen = excluded.subsidy_fen,
       waived_fen = excluded.waived_fen`,
  );
  await insert(
    tx,
    'report_contribution',
    [
      ...of(events, 'enrollment.ContributionPaid').map(paymentRow),
      ...of(events, 'enrollment.CoverageActivated').map(activationRow),
    ],
    'ON CONFLICT (entry_id) DO NOTHING',
  );
  await insert(
    tx,
    'report_service',
    of(events, 'walkins.ServiceCompleted').map(serviceRow),
    'ON CONFLICT (ticket_id) DO NOTHING',
  );
}

/**
 * The monthly report's facts: settlements by setting with fund and assistance paid,
 * contributions and the subsidies that came with each year of cover, and the services each
 * station completed. The report itself is summed from these per month when asked for.
 */
export const monthlyReportProjection = (): Projection => ({
  name: MONTHLY_REPORT_PROJECTION,
  topics: ['circle.settlement', 'circle.enrollment', 'circle.walkins'],
  tables: ['report_settlement', 'report_assessment', 'report_contribution', 'report_service'],
  handles: (type) => (REPORT_EVENT_TYPES as readonly string[]).includes(type),
  apply: (event, tx) => applyInOrder([event], tx),
  applyBatch: applyInOrder,
});
