import { createRequire } from 'node:module';
import { quietIdleRequestQueues, restoreKafkajsRequestQueues } from './idle-request-queues';

interface Queue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  push(request: { entry: object; expectResponse: boolean; sendRequest: () => void }): void;
  destroy(): void;
}

const load = createRequire(require.resolve('kafkajs'));
const RequestQueue = load('./src/network/requestQueue') as new (options: object) => Queue;
const silent = { debug: () => undefined, warn: () => undefined, error: () => undefined };
const queueOf = () =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: { namespace: () => silent, ...silent },
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('quietIdleRequestQueues', () => {
  const queues: Queue[] = [];
  const queue = () => {
    const made = queueOf();
    queues.push(made);
    return made;
  };
  afterEach(() => {
    queues.splice(0).forEach((q) => q.destroy());
    restoreKafkajsRequestQueues();
  });

  it("is needed: kafkajs's own queue keeps a timer going with nothing to do", () => {
    const idle = queue();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).not.toBeNull();
  });

  it('leaves an idle queue without a timer', () => {
    quietIdleRequestQueues();
    const idle = queue();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a request that had to wait out a throttle', async () => {
    quietIdleRequestQueues();
    const throttled = queue();
    throttled.maybeThrottle(30);
    const sent: number[] = [];
    throttled.push({
      entry: { correlationId: 1, resolve: () => undefined, reject: () => undefined },
      expectResponse: false,
      sendRequest: () => sent.push(1),
    });
    expect(sent).toEqual([]);
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    await sleep(60);
    expect(sent).toEqual([1]);
    expect(throttled.throttleCheckTimeoutId).toBeNull();
  });
});
