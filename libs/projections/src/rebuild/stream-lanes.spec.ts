import type { StoredEvent } from '../event-store';
import { splitByStream } from './stream-lanes';

const event = (streamId: string, streamVersion: number) =>
  ({ streamId, streamVersion }) as StoredEvent;

describe('rebuild lanes', () => {
  it('keep every stream whole and in order, in one lane', () => {
    const events = [1, 2, 3].flatMap((v) =>
      ['queue-town-1', 'queue-town-2', 'resident-1', 'resident-2'].map((s) => event(s, v)),
    );
    const lanes = splitByStream(events, 3);
    expect(lanes.flat()).toHaveLength(events.length);
    for (const lane of lanes) {
      const streams = new Set(lane.map((e) => e.streamId));
      for (const stream of streams) {
        expect(lanes.filter((l) => l.some((e) => e.streamId === stream))).toHaveLength(1);
        expect(lane.filter((e) => e.streamId === stream).map((e) => e.streamVersion)).toEqual([
          1, 2, 3,
        ]);
      }
    }
  });

  it('use several lanes for many streams', () => {
    const events = Array.from({ length: 60 }, (_, i) => event(`station-queue-${i}`, 1));
    expect(splitByStream(events, 3)).toHaveLength(3);
  });
});
