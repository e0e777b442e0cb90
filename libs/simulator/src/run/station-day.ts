import type { SimulatedStation } from '../domain/simulated-district';
import type { Visit } from '../domain/visit';
import type { BusinessDesk } from './business-desk';
import type { CircleClient } from './circle-client';
import { sleep, type SimulatedClock } from './simulated-clock';

const LUNCH_FROM = 12 * 60;
const LUNCH_TO = 13 * 60;
/** At 'max', the kiosk waits while this many tickets per counter are waiting: a queue, not a flood. */
const WAITING_PER_COUNTER = 3;

interface Called {
  ticket?: { ticketId: string };
  /** Named by a 409 when the counter still has a ticket. */
  currentTicketId?: string;
}

/**
 * One station's working day: its kiosk issues a ticket as each visitor arrives, and a clerk at
 * each counter opens it, calls the next ticket, recalls or marks a no-show, serves, transfers
 * or completes with the record, pauses one counter over lunch, and closes at the end.
 */
export class StationDay {
  private readonly waiting = new Map<string, Visit>();
  private kioskDone = false;
  private lastMinute: number;
  private wake: (() => void)[] = [];

  constructor(
    private readonly station: SimulatedStation,
    private readonly visits: readonly Visit[],
    private readonly fromMinute: number,
    private readonly toMinute: number,
    private readonly client: CircleClient,
    private readonly desk: BusinessDesk,
    private readonly clock: SimulatedClock,
    private readonly signal?: AbortSignal,
  ) {
    this.lastMinute = fromMinute;
  }

  /** The simulated minute this station has reached. */
  get minute(): number {
    return this.clock.minuteNow(this.lastMinute);
  }

  async play(): Promise<void> {
    const counters = Array.from({ length: this.station.counters }, (_, i) => String(i + 1));
    await Promise.all(counters.map((c) => this.counterStatus(c, 'open')));
    await Promise.all([this.kiosk(), ...counters.map((c) => this.counter(c))]);
    await Promise.all(counters.map((c) => this.counterStatus(c, 'close')));
  }

  private get clerk() {
    return {
      app: this.station.app,
      station: this.station.stationId,
      user: `clerk-${this.station.stationId}`,
    };
  }

  private counterStatus(counterId: string, status: 'open' | 'pause' | 'close') {
    return this.client.send({
      ...this.clerk,
      operation: `${status}-counter`,
      path: `/stations/${this.station.stationId}/counters/${counterId}/${status}`,
      body: {},
    });
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const w of waiting) w();
  }

  private nap(ms: number): Promise<void> {
    return Promise.race([new Promise<void>((r) => this.wake.push(r)), sleep(ms, this.signal)]);
  }

  private async kiosk(): Promise<void> {
    for (const visit of this.visits) {
      if (this.signal?.aborted) break;
      await this.clock.until(visit.minute);
      // A nap ends at once after an abort: the loop must see the abort or it spins for ever.
      while (
        this.clock.isMax &&
        !this.signal?.aborted &&
        this.waiting.size >= this.station.counters * WAITING_PER_COUNTER
      )
        await this.nap(50);
      if (this.signal?.aborted) break;
      this.lastMinute = visit.minute;
      const year = Number(visit.day.slice(0, 4));
      const newcomer = visit.business === 'ENROLL_RESIDENT';
      const person = this.desk.person(visit.residentIndex, visit.enrollYear ?? year);
      // People come to a hospital or the hall already insured; a newcomer enrols at the counter.
      if (!newcomer) await this.desk.ensureEnrolled(visit.residentIndex, year);
      const issued = await this.client.send<{ ticketId?: string }>({
        app: this.station.app,
        station: this.station.stationId,
        user: `kiosk-${this.station.stationId}`,
        operation: 'issue-ticket',
        path: `/stations/${this.station.stationId}/tickets`,
        residentId: person.residentId,
        body: { business: visit.business, phone: person.phone, residentId: person.residentId },
      });
      if (issued.body.ticketId) this.waiting.set(issued.body.ticketId, visit);
      this.notify();
    }
    await this.clock.until(this.toMinute);
    this.lastMinute = this.toMinute;
    this.kioskDone = true;
    this.notify();
  }

  private async counter(counterId: string): Promise<void> {
    let lunch = counterId === '1' && this.station.counters > 1 ? 'before' : 'none';
    for (;;) {
      if (this.signal?.aborted) return;
      if (lunch === 'before' && this.minute >= LUNCH_FROM && this.minute < LUNCH_TO) {
        await this.counterStatus(counterId, 'pause');
        while (this.minute < LUNCH_TO && !this.kioskDone && !this.signal?.aborted)
          await this.nap(200);
        await this.counterStatus(counterId, 'open');
        lunch = 'after';
      }
      if (!this.waiting.size) {
        if (this.kioskDone) return;
        await this.nap(this.clock.isMax ? 50 : 500);
        continue;
      }
      const called = await this.client.send<Called>({
        ...this.clerk,
        operation: 'call-next',
        path: `/stations/${this.station.stationId}/counters/${counterId}/call-next`,
        body: {},
      });
      // A stopped run may have left a ticket at the counter: finish it, as a clerk would.
      const ticketId = called.body?.ticket?.ticketId ?? called.body?.currentTicketId;
      if (called.status === 409 && !ticketId) await this.counterStatus(counterId, 'open');
      if (!ticketId) {
        await this.nap(this.clock.isMax ? 50 : 1_000);
        continue;
      }
      await this.serve(ticketId, this.waiting.get(ticketId));
      this.waiting.delete(ticketId);
      this.notify();
    }
  }

  private ticketCommand(ticketId: string, action: string, body: unknown = {}) {
    return this.client.send<{
      toTicketId?: string;
      ticket?: { ticketId?: string };
      ticketId?: string;
    }>({
      ...this.clerk,
      operation: action,
      path: `/tickets/${ticketId}/${action}`,
      ticketId,
      body,
    });
  }

  private async serve(ticketId: string, visit: Visit | undefined): Promise<void> {
    // A ticket this run did not issue (an earlier run's, today) is served without business.
    if (!visit) {
      await this.ticketCommand(ticketId, 'complete', { outcome: 'done' });
      return;
    }
    if (visit.recalled) {
      await this.clock.spend(1);
      await this.ticketCommand(ticketId, 'recall');
      if (visit.noShow) {
        await this.clock.spend(1);
        await this.ticketCommand(ticketId, 'no-show');
        return;
      }
    }
    await this.ticketCommand(ticketId, 'start');
    await this.clock.spend(visit.serviceMinutes);
    const record = await this.desk.serve(visit);
    if (visit.transferTo && record) {
      const moved = await this.ticketCommand(ticketId, 'transfer', {
        toBusiness: visit.transferTo.business,
      });
      const next = moved.body.toTicketId ?? moved.body.ticket?.ticketId;
      if (next) {
        const { transferTo, ...rest } = visit;
        this.waiting.set(next, {
          ...rest,
          business: transferTo.business,
          recalled: false,
          noShow: false,
          ...(transferTo.bill ? { bill: transferTo.bill } : {}),
        });
      }
      return;
    }
    if (visit.outcome === 'documents-missing' || !record) {
      await this.ticketCommand(ticketId, 'complete', {
        outcome: 'not-handled',
        reason: record ? 'documents-missing' : 'not-eligible',
      });
      return;
    }
    await this.ticketCommand(ticketId, 'complete', { outcome: 'done', ...record });
  }
}
