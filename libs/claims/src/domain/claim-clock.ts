import type { TimeLimit } from '../../../policy/src/domain';
import { deadlineOf, isBreached, type HolidayCalendar } from '../../../enrollment/src/domain';

/**
 * When a claim received at `submittedAt` must be decided: the end of the last day of the time
 * limit of the policy in force on the day of submission (10 working days in the provincial
 * catalogue). The day of receipt never counts; working days skip weekends and the State
 * Council's holidays and count its make-up days.
 */
export function claimDueBy(
  submittedAt: string,
  limit: TimeLimit,
  calendar: HolidayCalendar,
): string {
  return deadlineOf(submittedAt, limit, calendar);
}

/** Decided in time: at or before the due moment. */
export function isWithinDeadline(dueBy: string, decidedAt: string): boolean {
  return !isBreached(dueBy, decidedAt);
}
