import { DAY_CLOSES_HOUR, DAY_OPENS_HOUR } from './daily-profile';

const SHANGHAI_MS = 8 * 3_600_000;

/** One simulated day's played window, in minutes since midnight Asia/Shanghai. */
export interface PlayedDay {
  readonly day: string;
  readonly fromMinute: number;
  readonly toMinute: number;
}

function shanghai(instant: string): { day: string; minute: number } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`${instant} is not an ISO date-time`);
  const local = new Date(ms + SHANGHAI_MS).toISOString();
  return {
    day: local.slice(0, 10),
    minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)),
  };
}

/** The working-hours windows (08:00–17:00) between two instants, day by day. */
export function playedDays(from: string, to: string): PlayedDay[] {
  const start = shanghai(from);
  const end = shanghai(to);
  const days: PlayedDay[] = [];
  for (let d = new Date(`${start.day}T00:00:00Z`); ; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    if (day > end.day) break;
    const fromMinute = Math.max(DAY_OPENS_HOUR * 60, day === start.day ? start.minute : 0);
    const toMinute = Math.min(DAY_CLOSES_HOUR * 60, day === end.day ? end.minute : 24 * 60);
    if (toMinute > fromMinute) days.push({ day, fromMinute, toMinute });
  }
  return days;
}

/** An instant of a simulated day, ISO with +08:00. */
export function instantOf(day: string, minute: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.floor(minute)));
  return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
}
