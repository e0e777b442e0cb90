import type { Projection } from './projection';
import { assertValidProjection, liveTableSet, shadowTableSet } from './table-set';

const projection = (name: string, tables: string[]): Projection => ({
  name,
  topics: ['circle.walkins'],
  tables,
  handles: () => true,
  apply: async () => undefined,
});

describe('table sets', () => {
  const queue = projection('station_queue', ['station_queue', 'station_queue_counter']);

  it('write to the live tables under the projection name', () => {
    const live = liveTableSet(queue);
    expect(live.key).toBe('station_queue');
    expect(live.physical('station_queue_counter')).toBe('station_queue_counter');
  });

  it('write a rebuild to shadow tables with positions of their own', () => {
    const shadow = shadowTableSet(queue);
    expect(shadow.key).toBe('station_queue__rebuild');
    expect(shadow.physical('station_queue')).toBe('station_queue__rebuild');
  });

  it('refuse tables the projection does not own', () => {
    expect(() => liveTableSet(queue).physical('app_user')).toThrow(/does not own/);
  });

  it('accept only names that are safe to put into SQL unquoted', () => {
    expect(() => assertValidProjection(queue)).not.toThrow();
    expect(() => assertValidProjection(projection('queue; DROP TABLE events', []))).toThrow();
    expect(() => assertValidProjection(projection('q', ['x'.repeat(60)]))).toThrow();
  });
});
