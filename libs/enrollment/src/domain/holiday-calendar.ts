import { addDays, type IsoDate } from './calendar-date';

/** The days off and the weekend days worked instead, as one year's State Council notice lists them. */
export interface HolidayCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
}

type Span = readonly [IsoDate, number];

// 国务院办公厅关于部分节假日安排的通知, 2021–2025: [first day off, days off] and the weekend
// days worked in exchange. A year with no notice here counts Monday to Friday only; add its
// notice when it is published (each December).
// prettier-ignore
const DAYS_OFF: readonly Span[] = [
  ['2021-01-01', 3], ['2021-02-11', 7], ['2021-04-03', 3], ['2021-05-01', 5], ['2021-06-12', 3],
  ['2021-09-19', 3], ['2021-10-01', 7],
  ['2022-01-01', 3], ['2022-01-31', 7], ['2022-04-03', 3], ['2022-04-30', 5], ['2022-06-03', 3],
  ['2022-09-10', 3], ['2022-10-01', 7],
  ['2022-12-31', 3], ['2023-01-21', 7], ['2023-04-05', 1], ['2023-04-29', 5], ['2023-06-22', 3],
  ['2023-09-29', 8], ['2023-12-30', 3],
  ['2024-02-10', 8], ['2024-04-04', 3], ['2024-05-01', 5], ['2024-06-08', 3], ['2024-09-15', 3],
  ['2024-10-01', 7],
  ['2025-01-01', 1], ['2025-01-28', 8], ['2025-04-04', 3], ['2025-05-01', 5], ['2025-05-31', 3],
  ['2025-10-01', 8],
];

// prettier-ignore
const WORKED_WEEKENDS: readonly IsoDate[] = [
  '2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09',
  '2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09',
  '2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08',
  '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29',
  '2024-10-12',
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
];

function expand(spans: readonly Span[]): Set<IsoDate> {
  const days = new Set<IsoDate>();
  for (const [first, count] of spans)
    for (let i = 0; i < count; i += 1) days.add(addDays(first, i));
  return days;
}

export const CHINA_HOLIDAYS: HolidayCalendar = {
  holidays: expand(DAYS_OFF),
  makeUpWorkdays: new Set(WORKED_WEEKENDS),
};
