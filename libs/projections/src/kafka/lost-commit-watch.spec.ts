import type { Checkpoint } from '../store/checkpoints';
import { LostCommitWatch } from './lost-commit-watch';

const checkpoint = (partition: number, offset: string) =>
  ({ topic: 't', partition, offset, lastPosition: null, lastOccurredAt: null }) as Checkpoint;

describe('LostCommitWatch', () => {
  const setUp = (stored: () => Checkpoint[]) => {
    const moves: string[] = [];
    const watch = new LostCommitWatch(
      async () => stored(),
      (topic, partition, committed) => moves.push(`${topic}/${partition} from ${committed}`),
      60_000,
    );
    return { watch, moves };
  };

  it('moves back a partition whose checkpoint is behind what the consumer committed there', async () => {
    const { watch, moves } = setUp(() => [checkpoint(0, '10'), checkpoint(1, '7')]);
    watch.committedUpTo('t', 0, '10');
    watch.committedUpTo('t', 1, '9');
    await watch.check();
    expect(moves).toEqual(['t/1 from 9']);
    watch.forget();
  });

  it('moves it once, until the consumer commits there again', async () => {
    const { watch, moves } = setUp(() => [checkpoint(1, '7')]);
    watch.committedUpTo('t', 1, '9');
    await watch.check();
    await watch.check();
    expect(moves).toHaveLength(1);
    watch.forget();
  });

  it('leaves alone a checkpoint ahead of it, which another consumer of the group moved', async () => {
    const { watch, moves } = setUp(() => [checkpoint(0, '12')]);
    watch.committedUpTo('t', 0, '10');
    await watch.check();
    expect(moves).toEqual([]);
    watch.forget();
  });

  it('moves nothing for a consumer that left while the checkpoints were read', async () => {
    const moves: number[] = [];
    const watch: LostCommitWatch = new LostCommitWatch(
      async () => {
        watch.forget();
        return [checkpoint(0, '1')];
      },
      (_, partition) => moves.push(partition),
      60_000,
    );
    watch.committedUpTo('t', 0, '5');
    await watch.check();
    expect(moves).toEqual([]);
  });

  it('waits for the next round while PostgreSQL is away', async () => {
    const { watch, moves } = setUp(() => {
      throw new Error('connection refused');
    });
    watch.committedUpTo('t', 0, '5');
    await expect(watch.check()).resolves.toBeUndefined();
    expect(moves).toEqual([]);
    watch.forget();
  });
});
