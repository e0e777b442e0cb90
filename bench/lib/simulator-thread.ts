import { parentPort, workerData } from 'node:worker_threads';
import { simulate, type CommandRecord, type SimulationOptions } from '@circle/simulator';

/**
 * The simulator on a thread of its own, so the bench can end it at once with `terminate()`:
 * a stop by signal can leave a kiosk's wait for room in the queue turning without a pause,
 * which would starve the bench's own timers. Times are sent as epoch milliseconds
 * (`performance.timeOrigin` + `performance.now()`), since each thread has its own origin.
 */
const options = workerData as Omit<SimulationOptions, 'onCommand' | 'signal'>;
const origin = performance.timeOrigin;
const onCommand = (c: CommandRecord) =>
  parentPort?.postMessage({ ...c, sentAt: origin + c.sentAt, answeredAt: origin + c.answeredAt });
void simulate({ ...options, onCommand });
