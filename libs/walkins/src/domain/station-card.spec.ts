import type { Station } from '../../../stations/src/domain/station.state';
import { stationCard } from './station-card';
import { CounterFacts, QueueCommand, decideQueue } from './station-queue';
import { evolveQueue } from './station-queue.evolve';
import { QueueState, initialQueueState } from './station-queue.state';

// 2024-06-03 09:00 in Asia/Shanghai is 01:00 UTC.
const at = (minute: number) => new Date(Date.UTC(2024, 5, 3, 1, minute)).toISOString();
const counter: CounterFacts = { counterId: '1', status: 'open', skills: ['ENROLL_RESIDENT'] };
const ticket = (serial: number) => `town-1-20240603-${String(serial).padStart(4, '0')}`;

const station: Station = {
  stationId: 'town-1',
  kind: 'township',
  name: '许庄街道医保服务站',
  nameEn: 'Xuzhuang street station',
  location: { lat: 35.361, lon: 116.585 } as Station['location'],
  businesses: ['ENROLL_RESIDENT'],
  openingHours: [] as unknown as Station['openingHours'],
  fairnessRatio: 3,
  counters: [
    { counterId: '1', skills: ['ENROLL_RESIDENT'], status: 'open', clerk: 'clerk-town-1' },
    { counterId: '2', skills: ['ENROLL_RESIDENT'], status: 'paused', clerk: 'clerk-town-1' },
    { counterId: '3', skills: ['ENROLL_RESIDENT'], status: 'closed' },
  ],
};

function given(...commands: QueueCommand[]): QueueState {
  return commands.reduce(
    (state, command) => decideQueue(command, state).reduce(evolveQueue, state),
    initialQueueState(),
  );
}

const issue = (minute: number): QueueCommand => ({
  kind: 'issue',
  stationId: 'town-1',
  business: 'ENROLL_RESIDENT',
  priorityClass: 'regular',
  now: at(minute),
});
const call = (minute: number): QueueCommand => ({
  kind: 'call-next',
  counter,
  clerk: 'clerk-town-1',
  fairnessRatio: 3,
  now: at(minute),
});
const start = (serial: number, minute: number): QueueCommand => ({
  kind: 'start',
  ticketId: ticket(serial),
  clerk: 'clerk-town-1',
  now: at(minute),
});
const complete = (serial: number, minute: number): QueueCommand => ({
  kind: 'complete',
  ticketId: ticket(serial),
  clerk: 'clerk-town-1',
  outcome: 'done',
  now: at(minute),
});
const noShow = (serial: number, minute: number): QueueCommand => ({
  kind: 'no-show',
  ticketId: ticket(serial),
  clerk: 'clerk-town-1',
  now: at(minute),
});

describe("a station's card on the dashboard", () => {
  it('is empty on a quiet day', () => {
    const card = stationCard(station, '2024-06-03', initialQueueState(), at(0));
    expect(card).toMatchObject({
      waiting: 0,
      longestWaitingSince: null,
      longestWaitSeconds: 0,
      openCounters: 1,
      issued: 0,
      called: 0,
      served: 0,
      noShows: 0,
      averageWaitSeconds: 0,
      averageServiceSeconds: 0,
    });
    expect(card.hourly).toHaveLength(24);
  });

  it('counts the day as the read model does, and who waits longest', () => {
    // 1: waits 2 min, served 4 min from start; 2: waits 10 min, no-show; 3 and 4 still wait.
    const state = given(
      issue(0),
      issue(1),
      call(2),
      start(1, 3),
      complete(1, 7),
      issue(65),
      call(11),
      noShow(2, 12),
      issue(66),
    );
    const card = stationCard(station, '2024-06-03', state, at(70));
    expect(card).toMatchObject({
      waiting: 2,
      longestWaitingSince: at(65),
      longestWaitSeconds: 5 * 60,
      issued: 4,
      called: 2,
      served: 1,
      noShows: 1,
      averageWaitSeconds: 6 * 60,
      averageServiceSeconds: 4 * 60,
    });
    expect(card.hourly[9]).toEqual({ hour: 9, arrivals: 2, served: 1 });
    expect(card.hourly[10]).toEqual({ hour: 10, arrivals: 2, served: 0 });
  });

  it('shows each counter with its clerk and the ticket at it', () => {
    const card = stationCard(station, '2024-06-03', given(issue(0), call(1)), at(2));
    expect(card.counters).toEqual([
      {
        counterId: '1',
        status: 'open',
        skills: ['ENROLL_RESIDENT'],
        clerk: 'clerk-town-1',
        number: 'A001',
        ticketStatus: 'called',
      },
      { counterId: '2', status: 'paused', skills: ['ENROLL_RESIDENT'], clerk: 'clerk-town-1' },
      { counterId: '3', status: 'closed', skills: ['ENROLL_RESIDENT'] },
    ]);
  });
});
