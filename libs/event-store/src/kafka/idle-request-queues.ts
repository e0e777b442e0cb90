import { createRequire } from 'node:module';

interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const load = createRequire(require.resolve('kafkajs'));
const RequestQueueClass = load('./src/network/requestQueue') as { prototype: RequestQueue };
const kafkajsSchedule = RequestQueueClass.prototype.scheduleCheckPendingRequests;

/** kafkajs's own interval for pending requests when no throttle says otherwise. */
const CHECK_PENDING_MS = 10;

/**
 * kafkajs 2.2.4 (in maintenance) checks a connection's queue of pending requests on a timer
 * that it schedules again after every check, with a negative delay when nothing is pending and
 * no throttle is in force: each connection to the broker runs a check every millisecond for as
 * long as it lives (tulios/kafkajs#1556, #1704, unmerged fix #1667). A supervisor with a
 * consumer per projection woke a thousand times a second doing nothing, and on this machine
 * an idle circle spent a quarter of a core on it. The queue needs the timer only while a
 * request waits, or to outlast a throttle the broker asked for; a request that has to wait
 * schedules it when it is queued, and every answer checks the queue anyway.
 */
function scheduleCheckPendingRequests(this: RequestQueue): void {
  if (this.throttleCheckTimeoutId) return;
  let delay = this.throttledUntil - Date.now();
  if (this.pending.length > 0) delay = delay > 0 ? delay : CHECK_PENDING_MS;
  else if (delay <= 0) return;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

/** For this process or worker thread (each has its own modules); idempotent. */
export function quietIdleRequestQueues(): void {
  RequestQueueClass.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
}

/** kafkajs's own scheduling back, for the spec. */
export function restoreKafkajsRequestQueues(): void {
  RequestQueueClass.prototype.scheduleCheckPendingRequests = kafkajsSchedule;
}
