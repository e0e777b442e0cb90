import { CheckpointAlignment, type SeekTarget } from './checkpoint-alignment';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('checkpoint alignment', () => {
  const recorded = new Map([
    ['circle.walkins:0', '40'],
    ['circle.walkins:1', '7'],
  ]);

  function aligned(load: () => Promise<Map<string, string>> = async () => recorded) {
    const seeks: SeekTarget[] = [];
    const alignment = new CheckpointAlignment(load, (target) => seeks.push(target));
    return { alignment, seeks };
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
