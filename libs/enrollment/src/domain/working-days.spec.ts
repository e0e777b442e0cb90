import fc from 'fast-check';
import { addDays, isoWeekday, shanghaiDateOf } from './calendar-date';
import { CHINA_HOLIDAYS } from './holiday-calendar';
import {
  addCalendarDays,
  addWorkingDays,
  deadlineOf,
  isBreached,
  isWorkingDay,
} from './working-days';

const NONE = new Set<string>();
// National Day 2022: 1-7 October off, Saturday 8 and Sunday 9 October worked instead.
const NATIONAL_DAY_2022 = new Set([
  '2022-10-01',
  '2022-10-02',
  '2022-10-03',
  '2022-10-04',
  '2022-10-05',
  '2022-10-06',
  '2022-10-07',
]);
const MAKE_UP_2022 = new Set(['2022-10-08', '2022-10-09']);

describe('addCalendarDays', () => {
  it('counts every day from the day after receipt', () => {
    expect(addCalendarDays('2020-03-05T10:00:00+08:00', 180, NONE)).toBe(
      '2020-09-01T23:59:59.999+08:00',
    );
    expect(addCalendarDays('2022-05-27T10:00:00+08:00', 3, NONE)).toBe(
      '2022-05-30T23:59:59.999+08:00',
    );
  });

  it('moves a last day that falls on a day off to the next working day', () => {
    expect(addCalendarDays('2020-03-02T10:00:00+08:00', 180, NONE)).toBe(
      '2020-08-31T23:59:59.999+08:00',
    );
    expect(addCalendarDays('2022-09-30T10:00:00+08:00', 1, NATIONAL_DAY_2022, MAKE_UP_2022)).toBe(
      '2022-10-08T23:59:59.999+08:00',
    );
  });

  it('refuses a count that is not a whole number of days', () => {
    expect(() => addCalendarDays('2022-05-27T10:00:00+08:00', 1.5, NONE)).toThrow('calendarDays');
  });

  it('ends on or after the n-th day, and never after the n-th working day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 200 }),
        (offset, days) => {
          const start = `${addDays('2021-01-01', offset)}T12:00:00+08:00`;
          return (
            addCalendarDays(start, days, NONE) <= addWorkingDays(start, days, NONE) &&
            addCalendarDays(start, days, NONE) >= `${addDays(start.slice(0, 10), days)}`
          );
        },
      ),
    );
  });
});

describe('deadlineOf', () => {
  const friday = '2022-05-27T10:15:00+08:00';

  it('counts the days as the policy names them', () => {
    expect(deadlineOf(friday, { days: 1, unit: 'working-days' }, CHINA_HOLIDAYS)).toBe(
      '2022-05-30T23:59:59.999+08:00',
    );
    expect(deadlineOf(friday, { days: 180, unit: 'calendar-days' }, CHINA_HOLIDAYS)).toBe(
      '2022-11-23T23:59:59.999+08:00',
    );
    expect(
      deadlineOf(friday, { days: 180, unit: 'working-days' }, CHINA_HOLIDAYS) > '2023-02',
    ).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('a Friday application with a one-working-day limit is due Monday end of day', () => {
    expect(addWorkingDays('2022-05-27T10:15:00+08:00', 1, NONE)).toBe(
      '2022-05-30T23:59:59.999+08:00',
    );
  });

  it('a Saturday application counts from Monday', () => {
    expect(addWorkingDays('2022-05-28T09:00:00+08:00', 1, NONE)).toBe(
      '2022-05-30T23:59:59.999+08:00',
    );
  });

  it('reads the day in Asia/Shanghai, whatever offset the instant is written in', () => {
    expect(addWorkingDays('2022-05-26T15:00:00Z', 1, NONE)).toBe('2022-05-27T23:59:59.999+08:00');
    expect(addWorkingDays('2022-05-26T17:00:00Z', 1, NONE)).toBe('2022-05-30T23:59:59.999+08:00');
  });

  it('skips listed holidays', () => {
    expect(addWorkingDays('2022-09-30T16:00:00+08:00', 1, NATIONAL_DAY_2022)).toBe(
      '2022-10-10T23:59:59.999+08:00',
    );
  });

  it('counts the weekend days declared working days', () => {
    expect(addWorkingDays('2022-09-30T16:00:00+08:00', 1, NATIONAL_DAY_2022, MAKE_UP_2022)).toBe(
      '2022-10-08T23:59:59.999+08:00',
    );
  });

  it('a 10-working-day reimbursement and a 15-working-day transfer across National Day', () => {
    expect(addWorkingDays('2022-09-28T11:00:00+08:00', 10, NATIONAL_DAY_2022, MAKE_UP_2022)).toBe(
      '2022-10-17T23:59:59.999+08:00',
    );
    expect(addWorkingDays('2022-09-28T11:00:00+08:00', 15, NATIONAL_DAY_2022)).toBe(
      '2022-10-26T23:59:59.999+08:00',
    );
  });

  it('zero working days is the same day, for items handled on the spot', () => {
    expect(addWorkingDays('2022-05-28T09:00:00+08:00', 0, NONE)).toBe(
      '2022-05-28T23:59:59.999+08:00',
    );
  });

  it('refuses a bare local time, a bad count and a malformed holiday', () => {
    expect(() => addWorkingDays('2022-05-27T10:15:00', 1, NONE)).toThrow('start');
    expect(() => addWorkingDays('2022-02-30T10:15:00+08:00', 1, NONE)).toThrow('not a real date');
    expect(() => addWorkingDays('2022-05-27T10:15:00+08:00', 1.5, NONE)).toThrow('workingDays');
    expect(() => addWorkingDays('2022-05-27T10:15:00+08:00', 1, new Set(['2022-10-1']))).toThrow(
      'holidays',
    );
  });

  describe('properties', () => {
    const starts = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    const holidayOffsets = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 10 });

    it('the deadline is a working day with exactly n working days after the day of receipt', () => {
      fc.assert(
        fc.property(
          starts,
          fc.integer({ min: 1, max: 40 }),
          holidayOffsets,
          (start, n, offsets) => {
            const first = shanghaiDateOf(start);
            const holidays = new Set(offsets.map((o) => addDays(first, o)));
            const deadlineDay = addWorkingDays(start, n, holidays).slice(0, 10);
            let counted = 0;
            for (let day = addDays(first, 1); day <= deadlineDay; day = addDays(day, 1))
              if (isWorkingDay(day, holidays)) counted += 1;
            return counted === n && isWorkingDay(deadlineDay, holidays);
          },
        ),
      );
    });

    it('more working days never give an earlier deadline', () => {
      fc.assert(
        fc.property(starts, fc.nat(30), fc.nat(30), (start, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          return addWorkingDays(start, low, NONE) <= addWorkingDays(start, high, NONE);
        }),
      );
    });
  });
});

describe('isBreached', () => {
  const deadline = '2022-05-30T23:59:59.999+08:00';

  it('is not breached up to the end of the last day, and is from the next moment', () => {
    expect(isBreached(deadline, '2022-05-30T23:59:59+08:00')).toBe(false);
    expect(isBreached(deadline, deadline)).toBe(false);
    expect(isBreached(deadline, '2022-05-31T00:00:00+08:00')).toBe(true);
  });

  it('compares instants, not the way they are written', () => {
    expect(isBreached(deadline, '2022-05-30T15:59:59Z')).toBe(false);
    expect(isBreached(deadline, '2022-05-30T16:00:00Z')).toBe(true);
  });
});

describe('calendar days', () => {
  it('knows the weekday', () => {
    expect(isoWeekday('2022-05-27')).toBe(5);
    expect(isoWeekday('2022-05-29')).toBe(7);
    expect(isoWeekday('2022-05-30')).toBe(1);
  });

  it('reads the Shanghai day of an instant, early years included', () => {
    expect(shanghaiDateOf('2022-12-31T16:00:00Z')).toBe('2023-01-01');
    expect(shanghaiDateOf('2022-12-31T15:59:59.999Z')).toBe('2022-12-31');
    expect(shanghaiDateOf('0050-06-01T12:00:00+08:00')).toBe('0050-06-01');
  });
});
