import { checkedAttachments, checkedLines, totalsOf } from './claim-lines';
import { InvalidClaimInput } from './claims.errors';

function problemsOf(check: () => unknown): { field: string; problem: string }[] {
  try {
    check();
  } catch (error) {
    if (error instanceof InvalidClaimInput) return [...error.fields];
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const fieldsOf = (check: () => unknown) => problemsOf(check).map((p) => p.field);

describe('bill lines of a claim', () => {
  it('are kept as sent, trimmed, and add up to the bill', () => {
    const lines = checkedLines([
      { description: ' 床位费 ', totalFen: 400_000, inScopeFen: 400_000 },
      { description: '药品费', totalFen: 2_600_000, inScopeFen: 2_200_000 },
    ]);
    expect(lines[0]).toEqual({ description: '床位费', totalFen: 400_000, inScopeFen: 400_000 });
    expect(totalsOf(lines)).toEqual({ totalFen: 3_000_000, inScopeFen: 2_600_000 });
  });

  it('refuse an in-scope amount above the line total, naming the line', () => {
    const problems = problemsOf(() =>
      checkedLines([
        { description: '床位费', totalFen: 100, inScopeFen: 100 },
        { description: '药品费', totalFen: 100, inScopeFen: 101 },
      ]),
    );
    expect(problems).toEqual([
      { field: 'lines[1].inScopeFen', problem: 'must not exceed lines[1].totalFen (100)' },
    ]);
  });

  it('name every field that is not whole fen, not text or not allowed, all at once', () => {
    const fields = fieldsOf(() =>
      checkedLines([
        { description: '', totalFen: 10.5, inScopeFen: -1 },
        { description: 'x'.repeat(101), totalFen: 100, inScopeFen: '50', note: 'extra' },
        'not a line',
      ]),
    );
    expect(fields).toEqual([
      'lines[0].description',
      'lines[0].totalFen',
      'lines[0].inScopeFen',
      'lines[1].note',
      'lines[1].description',
      'lines[1].inScopeFen',
      'lines[2]',
    ]);
  });

  it('are 1 to 50 and add up to more than nothing', () => {
    expect(fieldsOf(() => checkedLines([]))).toEqual(['lines']);
    expect(fieldsOf(() => checkedLines(undefined))).toEqual(['lines']);
    const line = { description: '检查费', totalFen: 1, inScopeFen: 1 };
    expect(checkedLines(Array(50).fill(line))).toHaveLength(50);
    expect(fieldsOf(() => checkedLines(Array(51).fill(line)))).toEqual(['lines']);
    const nothing = { description: '检查费', totalFen: 0, inScopeFen: 0 };
    expect(problemsOf(() => checkedLines([nothing]))).toEqual([
      { field: 'lines', problem: 'must add up to more than 0 fen' },
    ]);
  });
});

describe('attachments of a claim', () => {
  it('are references with an optional description, none at all by default', () => {
    expect(checkedAttachments(undefined)).toEqual([]);
    expect(
      checkedAttachments([{ reference: 'SCAN-1' }, { reference: 'R-2', description: '发票' }]),
    ).toEqual([
      { reference: 'SCAN-1', description: null },
      { reference: 'R-2', description: '发票' },
    ]);
  });

  it('are at most 20, each with a reference of 1 to 100 characters', () => {
    const twentyOne = Array(21).fill({ reference: 'SCAN-1' });
    expect(fieldsOf(() => checkedAttachments(twentyOne))).toEqual(['attachments']);
    expect(
      fieldsOf(() => checkedAttachments([{ reference: 'x'.repeat(101) }, { kind: 'scan' }])),
    ).toEqual(['attachments[0].reference', 'attachments[1].kind', 'attachments[1].reference']);
  });
});
