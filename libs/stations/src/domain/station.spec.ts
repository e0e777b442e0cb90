import { DEMO_DISTRICT } from './demo-district';
import { demoStationEvents } from './demo-station-events';
import { StationCommand, decideStation } from './station';
import { StationState, evolveStation, initialStationState } from './station.state';

const town = DEMO_DISTRICT.find((s) => s.stationId === 'town-1')!;
const seeded = (): StationState =>
  demoStationEvents(town).reduce(evolveStation, initialStationState());
const apply = (state: StationState, command: StationCommand) =>
  decideStation('town-1', command, state).reduce(evolveStation, state);

describe('a station stream', () => {
  it('starts as the demo station with closed counters skilled for everything it handles', () => {
    const state = seeded();
    expect(state?.counters.map((c) => [c.counterId, c.status])).toEqual([
      ['1', 'closed'],
      ['2', 'closed'],
      ['3', 'closed'],
    ]);
    expect(state?.counters[0]?.skills).toEqual(town.businesses);
  });

  it('registers once: seeding again changes nothing', () => {
    const register = demoStationEvents(town)[0]!;
    if (register.type !== 'stations.StationRegistered') throw new Error('unexpected');
    expect(decideStation('town-1', { kind: 'register', station: register.data }, seeded())).toEqual(
      [],
    );
  });

  it('opens, pauses and closes a counter; repeating a state is harmless', () => {
    const open: StationCommand = {
      kind: 'set-counter-status',
      counterId: '2',
      status: 'open',
      clerk: 'c',
    };
    const state = apply(seeded(), open);
    expect(state?.counters[1]).toMatchObject({ status: 'open', clerk: 'c' });
    expect(decideStation('town-1', open, state)).toEqual([]);
    expect(apply(state, { ...open, status: 'paused' })?.counters[1]?.status).toBe('paused');
  });

  it('keeps skills within what the station handles', () => {
    expect(() =>
      apply(seeded(), { kind: 'add-counter', counterId: '9', skills: ['MATERNITY'] }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    const state = apply(seeded(), { kind: 'add-counter', counterId: '9', skills: ['CHANGE_INFO'] });
    expect(state?.counters.at(-1)).toMatchObject({ counterId: '9', skills: ['CHANGE_INFO'] });
  });

  it('refuses a duplicate counter, an unknown one, and removing an open one', () => {
    expect(() => apply(seeded(), { kind: 'add-counter', counterId: '1', skills: [] })).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
    expect(() => apply(seeded(), { kind: 'remove-counter', counterId: '7' })).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
    const open = apply(seeded(), {
      kind: 'set-counter-status',
      counterId: '1',
      status: 'open',
      clerk: 'c',
    });
    expect(() => apply(open, { kind: 'remove-counter', counterId: '1' })).toThrow(
      expect.objectContaining({ code: 'counter_still_open' }),
    );
  });

  it('lets an admin narrow the businesses only once no counter needs them', () => {
    expect(() =>
      apply(seeded(), { kind: 'change-details', changes: { businesses: ['ENROLL_RESIDENT'] } }),
    ).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'businesses' })] }),
    );
    expect(() =>
      apply(seeded(), { kind: 'change-details', changes: { fairnessRatio: 0 } }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(
      apply(seeded(), { kind: 'change-details', changes: { fairnessRatio: 5, name: 'X' } }),
    ).toMatchObject({ fairnessRatio: 5, name: 'X' });
  });
});
