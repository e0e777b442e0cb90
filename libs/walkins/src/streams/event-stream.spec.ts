import type { EventStore } from '@circle/event-store';
import { EventStream } from './event-stream';

interface Count {
  readonly n: number;
}
type Counted = { readonly type: 'test.Counted'; readonly data: Record<string, never> };

const model = {
  name: 'count',
  initial: (): Count => ({ n: 0 }),
  evolve: (state: Count): Count => ({ n: state.n + 1 }),
  types: ['test.Counted'] as const,
};

const context = { metadata: { correlationId: 'c', actor: 'clerk-town-1' } };
const count = () => ({
  events: [{ type: 'test.Counted', data: {} }] as Counted[],
  answer: (after: Count) => ({ status: 200, body: after.n }),
});

describe('EventStream', () => {
  it('answers every waiting command when the log cannot be read, and goes on after', async () => {
    let down = true;
    const store = {
      readStream: async () => {
        if (down) throw new Error('database away');
        return [];
      },
      transaction: async () => {
        throw new Error('database away');
      },
    } as unknown as EventStore;
    const stream = new EventStream<Count, Counted>(store, model);
    const first = stream.execute('s-1', count, context);
    const second = stream.execute('s-1', count, context);
    await expect(first).rejects.toThrow('database away');
    await expect(second).rejects.toThrow('database away');
    down = false;
    await expect(stream.execute('s-1', count, context)).rejects.toThrow('database away');
  });
});
