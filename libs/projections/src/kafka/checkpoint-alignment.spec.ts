import { CheckpointAlignment, type SeekTarget } from './checkpoint-alignment';
import type { LogGap } from './log-gaps';
import type { PartitionStart } from './resume-offsets';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('checkpoint alignment', () => {
  const recorded = new Map<string, PartitionStart>([
    ['circle.walkins:0', { offset: '40' }],
    ['circle.walkins:1', { offset: '7' }],
  ]);

  function aligned(load: () => Promise<Map<string, PartitionStart>> = async () => recorded) {
    const seeks: SeekTarget[] = [];
    const gaps: LogGap[] = [];
    const alignment = new CheckpointAlignment(load, {
      seek: (target) => seeks.push(target),
      gap: (gap) => gaps.push(gap),
    });
    return { alignment, seeks, gaps };
  }

  it('moves every assigned partition to its recorded offset, batches or not', async () => {
    const { alignment, seeks } = aligned();
    alignment.assigned({ 'circle.walkins': [0, 1] });
    await settle();
    expect(seeks).toEqual([
      { topic: 'circle.walkins', partition: 0, offset: '40' },
      { topic: 'circle.walkins', partition: 1, offset: '7' },
    ]);
  });

  it('applies a batch only when it starts where PostgreSQL says', async () => {
    const { alignment, seeks } = aligned();
    alignment.assigned({ 'circle.walkins': [0] });
    await expect(alignment.admits('circle.walkins', 0, '40')).resolves.toBe(true);
    await expect(alignment.admits('circle.walkins', 0, '95')).resolves.toBe(true);
    seeks.length = 0;

    alignment.assigned({ 'circle.walkins': [1] });
    await expect(alignment.admits('circle.walkins', 1, '3')).resolves.toBe(false);
    expect(seeks).toContainEqual({
      topic: 'circle.walkins',
      partition: 1,
      offset: '7',
      offered: '3',
    });
  });

  it('finds a partition again after a chunk met another checkpoint', async () => {
    let offset = '40';
    const { alignment, seeks } = aligned(async () => new Map([['circle.walkins:0', { offset }]]));
    alignment.assigned({ 'circle.walkins': [0] });
    await expect(alignment.admits('circle.walkins', 0, '40')).resolves.toBe(true);
    offset = '12';
    alignment.realign('circle.walkins', 0, '60');
    await settle();
    expect(seeks.at(-1)).toEqual({
      topic: 'circle.walkins',
      partition: 0,
      offset: '12',
      offered: '60',
    });
    await expect(alignment.admits('circle.walkins', 0, '60')).resolves.toBe(false);
    await expect(alignment.admits('circle.walkins', 0, '12')).resolves.toBe(true);
  });

  it('moves every partition realigned while the checkpoints load, not only the last', async () => {
    const { alignment, seeks } = aligned();
    alignment.assigned({ 'circle.walkins': [0, 1] });
    await settle();
    seeks.length = 0;
    alignment.realign('circle.walkins', 0, '45');
    alignment.realign('circle.walkins', 1, '9');
    await settle();
    expect(seeks.map((s) => s.partition).sort()).toEqual([0, 1]);
  });

  it('moves a realigned partition once PostgreSQL answers again', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      let down = false;
      const { alignment, seeks } = aligned(async () => {
        if (down) throw new Error('connection refused');
        return recorded;
      });
      alignment.assigned({ 'circle.walkins': [0] });
      await settle();
      seeks.length = 0;
      down = true;
      alignment.realign('circle.walkins', 0, '45');
      await settle();
      expect(seeks).toEqual([]);
      down = false;
      jest.advanceTimersByTime(1_000);
      await settle();
      expect(seeks).toEqual([
        { topic: 'circle.walkins', partition: 0, offset: '40', offered: '45' },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('applies nothing where Kafka no longer holds what comes next', async () => {
    const gap = { topic: 'circle.walkins', partition: 0, checkpoint: '4', low: '90', high: '99' };
    const { alignment, seeks, gaps } = aligned(
      async () => new Map([['circle.walkins:0', { gap }]]),
    );
    alignment.assigned({ 'circle.walkins': [0] });
    await settle();
    await expect(alignment.admits('circle.walkins', 0, '90')).resolves.toBe(false);
    expect(seeks).toEqual([]);
    expect(gaps).toEqual([gap, gap]);
  });

  it('asks PostgreSQL again after a failed load instead of guessing', async () => {
    let calls = 0;
    const { alignment } = aligned(async () => {
      calls++;
      if (calls === 1) throw new Error('connection refused');
      return recorded;
    });
    alignment.assigned({ 'circle.walkins': [0] });
    await settle();
    await expect(alignment.admits('circle.walkins', 0, '40')).resolves.toBe(true);
    expect(calls).toBe(2);
  });
});
