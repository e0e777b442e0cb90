import type { StoredEvent } from '@circle/event-store';
import type { ProjectionTx } from '@circle/projections';
import { EVENT_EXAMPLES } from '../events.examples';
import { benefitYearProjection } from './benefit-year.projection';

const [settledExample, reversedExample] = EVENT_EXAMPLES as [StoredEvent, StoredEvent];

/** An example event of another settlement, person or year, with its totals marked by `mark`. */
function event(example: StoredEvent, changes: Record<string, unknown>, mark: number): StoredEvent {
  const data = example.data as { totalsAfter: Record<string, unknown> };
  return {
    ...example,
    data: { ...data, ...changes, totalsAfter: { ...data.totalsAfter, admissions: mark } },
  };
}

function recordingTx() {
  const statements: { sql: string; rows: Record<string, unknown>[] }[] = [];
  const tx: ProjectionTx = {
    table: (name) => name,
    query: async (sql, params = []) => {
      statements.push({ sql, rows: JSON.parse(String(params[0])) });
      return [];
    },
  };
  return { tx, statements };
}

describe('benefit-year projection', () => {
  it('writes a chunk in three statements with the effect of its events in turn', async () => {
    const a = { settlementId: 'STL-A', year: 2022 };
    const chunk = [
      event(settledExample, a, 1),
      event(settledExample, { settlementId: 'STL-B', year: 2022 }, 2),
      event(reversedExample, a, 3),
      event(settledExample, { settlementId: 'STL-C', year: 2023 }, 4),
    ];
    const { tx, statements } = recordingTx();
    await benefitYearProjection().applyBatch?.(chunk, tx);
    expect(statements.map((s) => s.sql.trim().split(/\s+/)[0])).toEqual([
      'INSERT',
      'UPDATE',
      'INSERT',
    ]);
    const [records, reversals, years] = statements.map((s) => s.rows) as [
      Record<string, unknown>[],
      Record<string, unknown>[],
      Record<string, unknown>[],
    ];
    expect(records.map((r) => r.settlement_id)).toEqual(['STL-A', 'STL-B', 'STL-C']);
    expect(reversals.map((r) => r.settlement_id)).toEqual(['STL-A']);
    expect(years.map((y) => [y.year, y.admissions])).toEqual([
      [2022, 3],
      [2023, 4],
    ]);
  });

  it('applies one event alone the same way', async () => {
    const { tx, statements } = recordingTx();
    await benefitYearProjection().apply(reversedExample, tx);
    expect(statements.map((s) => s.sql.trim().split(/\s+/)[0])).toEqual(['UPDATE', 'INSERT']);
  });
});
