import { employ, enroll, NO_HOLIDAYS, person, POLICIES, when } from '../../testing/given-person';
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

  it("takes the clock from the policy of the day, not of the person's enrolled year", () => {
    const old = when([], enroll(person('1980-01-01'), { year: 2021 }));
    const [requested] = when(old, { ...request, at: '2026-12-04T09:00:00+08:00' });
    expect(requested?.data).toMatchObject({
      fromRegion: 'taibai-lake',
      deadline: '2026-12-25T23:59:59.999+08:00',
    });
  });

  it("moves an employee's coverage from the employer's region", () => {
    const employee = when([], employ(person('1990-03-03')));
    const [requested] = when(employee, request);
    expect(requested).toMatchObject({
      type: 'enrollment.CoverageTransferRequested',
      data: { fromRegion: 'taibai-lake', toRegion: 'jinan-lixia' },
    });
  });

  it('refuses someone insured in neither scheme', () => {
    expect(() => when([], request)).toThrow(
      expect.objectContaining({ code: 'not_enrolled', kind: 'rule' }),
    );
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
