import type { ChunkPart } from './chunk-applier';
import { ChunkGathering } from './chunk-gathering';

const part = (partition: number, caughtUp = false) =>
  ({ batch: { partition }, caughtUp }) as unknown as ChunkPart;
const partitionsOf = (parts: readonly ChunkPart[]) => parts.map((p) => p.batch.partition);

describe('ChunkGathering', () => {
  it('applies the chunks handed over in one turn together, and later ones in a group of their own', async () => {
    const groups: number[][] = [];
    const gathering = new ChunkGathering(async (parts) => {
      groups.push(partitionsOf(parts));
      return parts.map((p) => p.batch.partition !== 2);
    });
    const first = await Promise.all([0, 1, 2].map((p) => gathering.apply(part(p))));
    const later = await gathering.apply(part(3));
    expect(groups).toEqual([[0, 1, 2], [3]]);
    expect(first).toEqual([true, true, false]);
    expect(later).toBe(true);
  });

  it('fails every chunk of a group whose transaction failed, and only those', async () => {
    let calls = 0;
    const gathering = new ChunkGathering(async (parts) => {
      if (++calls === 1) throw new Error('connection lost');
      return parts.map(() => true);
    });
    const failed = await Promise.allSettled([gathering.apply(part(0)), gathering.apply(part(1))]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(gathering.apply(part(0))).resolves.toBe(true);
  });

  it('hands the partitions back only after a rest when every chunk was the end of its partition', async () => {
    const gathering = new ChunkGathering(async (parts) => parts.map(() => true), 60);
    const timed = async (parts: ChunkPart[]) => {
      const started = performance.now();
      await Promise.all(parts.map((p) => gathering.apply(p)));
      return performance.now() - started;
    };
    expect(await timed([part(0, true), part(1, true)])).toBeGreaterThanOrEqual(55);
    expect(await timed([part(0, true), part(1, false)])).toBeLessThan(55);
  });
});
