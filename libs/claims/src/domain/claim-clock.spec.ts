import { CHINA_HOLIDAYS } from '../../../enrollment/src/domain';
import { claimDueBy, isWithinDeadline } from './claim-clock';

const tenWorkingDays = { days: 10, unit: 'working-days' } as const;

describe('the claim clock', () => {
  it('gives ten working days after the day of receipt, to the end of the last one', () => {
    // Friday 10 June 2022: the two following weeks, no holiday in them.
    const due = claimDueBy('2022-06-10T16:45:00+08:00', tenWorkingDays, CHINA_HOLIDAYS);
    expect(due).toBe('2022-06-24T23:59:59.999+08:00');
  });

  it("skips National Day and counts the weekend days worked instead (2022's notice)", () => {
    // 30 Sep, the make-up Saturday and Sunday 8-9 Oct, then 10-14 and 17-18 Oct.
    const due = claimDueBy('2022-09-29T10:00:00+08:00', tenWorkingDays, CHINA_HOLIDAYS);
    expect(due).toBe('2022-10-18T23:59:59.999+08:00');
  });

  it('counts calendar days when the policy says so, moving a last day off to the next working day', () => {
    const thirtyDays = { days: 30, unit: 'calendar-days' } as const;
    // 30 days after 1 Sep 2022 is 1 Oct, inside the National Day holiday: 8 Oct is worked.
    const due = claimDueBy('2022-09-01T09:00:00+08:00', thirtyDays, CHINA_HOLIDAYS);
    expect(due).toBe('2022-10-08T23:59:59.999+08:00');
  });

  it('is met up to the last moment of the due day and missed after it', () => {
    const due = '2022-06-24T23:59:59.999+08:00';
    expect(isWithinDeadline(due, '2022-06-24T23:59:59+08:00')).toBe(true);
    expect(isWithinDeadline(due, '2022-06-25T00:00:00+08:00')).toBe(false);
  });
});
