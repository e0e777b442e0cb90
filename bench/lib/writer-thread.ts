import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { EventStore } from '@circle/event-store';
import { runWriters, type WriterPlan } from './event-writers';

interface WriterJob {
  readonly databaseUrl: string;
  readonly plan: WriterPlan;
}

export interface WriterResult {
  /** Completion time of each appended event, ms since the epoch. */
  readonly appendedAt: Float64Array;
  readonly conflicts: number;
}

/**
 * The writers stand for the apps, which run in processes of their own; on one thread with the
 * relay and the projection they would take a third of its time and make the pipeline look
 * slower than it is. A worker thread keeps them in this process yet off the pipeline's thread.
 */
export function writeInThread(databaseUrl: string, plan: WriterPlan): Promise<WriterResult> {
  const job: WriterJob = { databaseUrl, plan };
  const worker = new Worker(__filename, { workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: WriterResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`writer thread exited with ${code}`)));
  });
}

async function work(job: WriterJob): Promise<void> {
  const pool = new Pool({ connectionString: job.databaseUrl, max: job.plan.writers });
  try {
    const tally = await runWriters(new EventStore(pool), job.plan);
    const appendedAt = new Float64Array(tally.appendedAt);
    const result: WriterResult = { appendedAt, conflicts: tally.conflicts };
    parentPort?.postMessage(result, [appendedAt.buffer]);
  } finally {
    await pool.end();
  }
}

if (!isMainThread) void work(workerData as WriterJob);
