import { DEMO_STATIONS } from '../domain/simulated-district';
import type { Visit } from '../domain/visit';
import type { BusinessDesk } from './business-desk';
import type { Answer, CircleClient, Command } from './circle-client';
import { SimulatedClock } from './simulated-clock';
import { StationDay } from './station-day';

const station = DEMO_STATIONS.find((s) => s.kind === 'township')!;

const visit = (i: number): Visit => ({
  visitId: `v${i}`,
  day: '2026-03-02',
  minute: 9 * 60 + i,
  stationId: station.stationId,
  business: 'CHANGE_INFO',
  residentIndex: i,
  noShow: false,
  recalled: false,
  outcome: 'done',
  serviceMinutes: 5,
});

/**
 * At full speed the kiosk waits while the queue is full. A clerk who never answers keeps it
 * full, and the abort must still end the day: a wait that ends at once after an abort and a
 * loop that does not see the abort spin without yielding, starving every timer.
 */
class FullSpeedClock extends SimulatedClock {
  looks = 0;
  override get isMax(): boolean {
    if (++this.looks > 100_000) throw new Error('the kiosk spins after the abort');
    return true;
  }
}

describe('StationDay', () => {
  it('ends the day soon after an abort while its queue is full', async () => {
    const abort = new AbortController();
    const clock = new FullSpeedClock('max', abort.signal);
    let issued = 0;
    const client = {
      send: (command: Command): Promise<Answer> => {
        if (command.operation === 'issue-ticket')
          return Promise.resolve({ status: 201, body: { ticketId: `t${++issued}` } });
        if (command.operation === 'call-next')
          return new Promise((resolve) =>
            abort.signal.addEventListener('abort', () => resolve({ status: 503, body: {} })),
          );
        return Promise.resolve({ status: 200, body: {} });
      },
    } as unknown as CircleClient;
    const desk = {
      person: (index: number) => ({ residentId: `r${index}`, phone: null }),
      ensureEnrolled: () => Promise.resolve(true),
    } as unknown as BusinessDesk;
    const visits = Array.from({ length: 200 }, (_, i) => visit(i));
    const day = new StationDay(station, visits, 8 * 60, 17 * 60, client, desk, clock, abort.signal);

    const played = day.play();
    await new Promise((r) => setTimeout(r, 200));
    expect(issued).toBe(station.counters * 3);
    abort.abort();
    await played;
    expect(issued).toBe(station.counters * 3);
  });
});
