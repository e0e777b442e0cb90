import type { Station } from '../../../stations/src/domain/station.state';
import { secondsBetween } from './queue-day';
import { QueueState, Ticket, allTickets, ticketOf } from './station-queue.state';

/** One hour of the day (Asia/Shanghai): residents who arrived and services completed in it. */
export interface HourFigures {
  readonly hour: number;
  readonly arrivals: number;
  readonly served: number;
}

export interface CounterOnCard {
  readonly counterId: string;
  readonly status: 'open' | 'paused' | 'closed';
  readonly skills: readonly string[];
  readonly clerk?: string;
  /** The ticket called to or served at the counter now. */
  readonly number?: string;
  readonly ticketStatus?: string;
}

/** What the supervisor's dashboard shows of one station today, as its queue stream stands. */
export interface StationCard {
  readonly stationId: string;
  readonly day: string;
  readonly waiting: number;
  /** Arrival of the resident waiting longest, so the page can keep counting. */
  readonly longestWaitingSince: string | null;
  readonly longestWaitSeconds: number;
  readonly openCounters: number;
  readonly counters: readonly CounterOnCard[];
  /** Tickets issued today; a transfer's new ticket is the same resident and not counted again. */
  readonly issued: number;
  /** Tickets called at least once today: the ones the average wait is taken over. */
  readonly called: number;
  readonly served: number;
  readonly noShows: number;
  /** Arrival to call, over the tickets called today. */
  readonly averageWaitSeconds: number;
  /** Start (or call) to completion, over the services completed today. */
  readonly averageServiceSeconds: number;
  readonly hourly: readonly HourFigures[];
}

/** China keeps one zone, UTC+8 with no daylight saving. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiHour(instant: string): number {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).getUTCHours();
}

const average = (values: readonly number[]) =>
  values.length ? Math.round(values.reduce((sum, v) => sum + v, 0) / values.length) : 0;

const bump = (counts: number[], hour: number) => (counts[hour] = (counts[hour] ?? 0) + 1);

function hourly(tickets: readonly Ticket[]): HourFigures[] {
  const arrivals = new Array<number>(24).fill(0);
  const served = new Array<number>(24).fill(0);
  for (const t of tickets) {
    if (!t.transferredFrom) bump(arrivals, shanghaiHour(t.arrivedAt));
    if (t.status === 'done' && t.finishedAt) bump(served, shanghaiHour(t.finishedAt));
  }
  return arrivals.map((count, hour) => ({ hour, arrivals: count, served: served[hour] ?? 0 }));
}

function countersOf(station: Station, state: QueueState): CounterOnCard[] {
  return station.counters.map((c) => {
    const ticketId = state.atCounter[c.counterId];
    const ticket = ticketId ? ticketOf(state, ticketId) : undefined;
    return {
      counterId: c.counterId,
      status: c.status,
      skills: c.skills,
      ...(c.clerk ? { clerk: c.clerk } : {}),
      ...(ticket ? { number: ticket.number, ticketStatus: ticket.status } : {}),
    };
  });
}

/**
 * The card of one station on one day, from the station's configuration and its day's queue.
 * Figures follow the read model's definitions (`GET /stations/{id}/today`), so the card and
 * that answer agree once the projection has caught up.
 */
export function stationCard(
  station: Station,
  day: string,
  state: QueueState,
  now: string,
): StationCard {
  const tickets = allTickets(state);
  const oldest = state.waiting.reduce<Ticket | undefined>(
    (first, t) => (!first || Date.parse(t.arrivedAt) < Date.parse(first.arrivedAt) ? t : first),
    undefined,
  );
  const waits = tickets.flatMap((t) =>
    t.calledAt ? [secondsBetween(t.arrivedAt, t.calledAt)] : [],
  );
  const done = tickets.flatMap((t) =>
    t.status === 'done' && t.finishedAt ? [{ ...t, finishedAt: t.finishedAt }] : [],
  );
  return {
    stationId: station.stationId,
    day,
    waiting: state.waiting.length,
    longestWaitingSince: oldest?.arrivedAt ?? null,
    longestWaitSeconds: oldest ? secondsBetween(oldest.arrivedAt, now) : 0,
    openCounters: station.counters.filter((c) => c.status === 'open').length,
    counters: countersOf(station, state),
    issued: tickets.filter((t) => !t.transferredFrom).length,
    called: waits.length,
    served: done.length,
    noShows: tickets.filter((t) => t.status === 'no-show').length,
    averageWaitSeconds: average(waits),
    averageServiceSeconds: average(
      done.map((t) => secondsBetween(t.startedAt ?? t.calledAt ?? t.issuedAt, t.finishedAt)),
    ),
    hourly: hourly(tickets),
  };
}
