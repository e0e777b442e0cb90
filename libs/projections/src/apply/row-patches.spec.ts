import type { ProjectionTx } from '../projection';
import { foldWrite, RowPatches } from './row-patches';

function recordingTx() {
  const statements: { sql: string; rows: Record<string, unknown>[] }[] = [];
  const tx: ProjectionTx = {
    table: (name) => `shadow_${name}`,
    query: async (sql, params = []) => {
      statements.push({ sql, rows: JSON.parse(String(params[0])) });
      return [];
    },
  };
  return { tx, statements };
}

describe('row patches', () => {
  it('fold writes as the statements one by one would leave the column', () => {
    const set = (value: unknown) => ({ mode: 'set', value }) as const;
    const fill = (value: unknown) => ({ mode: 'fill', value }) as const;
    const raise = (value: unknown) => ({ mode: 'raise', value }) as const;
    expect(foldWrite(set('a'), fill('b'))).toEqual(set('a'));
    expect(foldWrite(set(null), fill('b'))).toEqual(set('b'));
    expect(foldWrite(fill('a'), fill('b'))).toEqual(fill('a'));
    expect(foldWrite(fill('a'), set('b'))).toEqual(set('b'));
    expect(foldWrite(raise(5), raise(3))).toEqual(raise(5));
    expect(foldWrite(set(2), raise(3))).toEqual(set(3));
    expect(foldWrite(undefined, raise(3))).toEqual(raise(3));
  });

  it('write every row of a chunk in one statement, each column with its own mode', async () => {
    const patches = new RowPatches('ticket', 'ticket_id text', 'status text, clerk text, n int');
    patches.write(['t-1'], { status: 'called', clerk: 'ann' });
    patches.write(['t-2'], { clerk: 'bob' }, 'fill');
    patches.write(['t-1'], { status: 'done', n: 2 });
    patches.write(['t-1'], { clerk: 'cy' }, 'fill');
    const { tx, statements } = recordingTx();
    await patches.flush(tx);
    await patches.flush(tx);
    expect(statements).toHaveLength(1);
    const [{ sql, rows }] = statements as [(typeof statements)[number]];
    expect(sql).toContain('UPDATE shadow_ticket AS t');
    expect(sql).toContain(`clerk = CASE r.clerk__mode WHEN 'set' THEN r.clerk WHEN 'fill'`);
    expect(rows).toEqual([
      {
        ticket_id: 't-1',
        status: 'done',
        status__mode: 'set',
        clerk: 'ann',
        clerk__mode: 'set',
        n: 2,
        n__mode: 'set',
      },
      { ticket_id: 't-2', clerk: 'bob', clerk__mode: 'fill' },
    ]);
  });

  it('refuse a column it was not told of', () => {
    const patches = new RowPatches('ticket', 'ticket_id text', 'status text');
    expect(() => patches.write(['t-1'], { outcome: 'done' })).toThrow('no column outcome');
  });
});
