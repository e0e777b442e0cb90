import type { EventStore, StoredEvent } from '@circle/event-store';
import { FoldedStreams } from './folded-streams';

/** A log of one stream whose state is the list of its event types; it counts the reads. */
function logOf(types: string[]) {
  const reads: number[] = [];
  const event = (type: string, i: number): StoredEvent =>
    ({ type, streamVersion: i + 1 }) as unknown as StoredEvent;
  const store = {
    readStream: async (_: string, from: number) => {
      reads.push(from);
      return types.map(event).slice(from - 1);
    },
  } as unknown as EventStore;
  const streams = new FoldedStreams<string[]>(
    store,
    (s, e) => [...s, e.type],
    () => [],
    2,
  );
  return { streams, reads, event };
}

describe('FoldedStreams', () => {
  it('reads only what came after the version it holds', async () => {
    const types = ['a', 'b'];
    const { streams, reads } = logOf(types);
    expect(await streams.current('s')).toEqual({ state: ['a', 'b'], version: 2 });
    types.push('c');
    expect(await streams.current('s')).toEqual({ state: ['a', 'b', 'c'], version: 3 });
    expect(reads).toEqual([1, 3]);
  });

  it('folds on with what an append wrote, and never goes back to an older state', async () => {
    const { streams, reads, event } = logOf(['a']);
    const loaded = await streams.current('s');
    streams.advance('s', loaded, [event('b', 1)]);
    streams.advance('s', loaded, []);
    expect(await streams.current('s')).toEqual({ state: ['a', 'b'], version: 2 });
    expect(reads).toEqual([1, 3]);
  });

  it('keeps no empty stream and drops the least recently used beyond its limit', async () => {
    const { streams, reads } = logOf(['a']);
    await streams.current('x');
    await streams.current('y');
    await streams.current('x');
    await streams.current('z');
    await streams.current('x');
    await streams.current('y');
    expect(reads).toEqual([1, 1, 2, 1, 2, 1]);
  });
});
