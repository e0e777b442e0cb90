import { enroll, NO_HOLIDAYS, person, POLICIES, when } from '../../testing/given-person';
import type { InsuredPersonCommand } from './insured-person.decider';

const enrolled = when([], enroll(person('1980-01-01')));
const request: InsuredPersonCommand = {
  kind: 'RequestTransfer',
  transferId: 't-1',
  direction: 'out',
  otherRegion: 'jinan-lixia',
  policies: POLICIES,
  calendar: NO_HOLIDAYS,
  stationId: 'hall',
  at: '2022-06-01T09:00:00+08:00',
};

describe('coverage transfer', () => {
  it('runs a 15-working-day clock and names both regions', () => {
    const [requested] = when(enrolled, request);
    expect(requested?.data).toMatchObject({
      fromRegion: 'taibai-lake',
      toRegion: 'jinan-lixia',
      deadline: '2022-06-22T23:59:59.999+08:00',
    });
  });

  it('keeps one transfer open at a time and closes it once', () => {
    const open = [...enrolled, ...when(enrolled, request)];
    expect(() => when(open, request)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    const close: InsuredPersonCommand = {
      kind: 'CloseTransfer',
      transferId: 't-1',
      outcome: 'complete',
      reason: null,
      stationId: 'hall',
      at: '2022-06-10T09:00:00+08:00',
    };
    const [done] = when(open, close);
    expect(done).toMatchObject({
      type: 'enrollment.CoverageTransferCompleted',
      data: { withinDeadline: true },
    });
    expect(() => when([...open, done!], close)).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
  });

  it('refuses a transfer to the region the person is already in', () => {
    expect(() =>
      when(enrolled, { ...request, otherRegion: 'taibai-lake' } as InsuredPersonCommand),
    ).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'otherRegion' })] }),
    );
  });
});
