import type { Pool } from 'pg';
import { eventLogId } from '@circle/event-store';

export const SMS_QUEUE_PREFIX = Symbol('SMS_QUEUE_PREFIX');

/**
 * BullMQ keys are named after the event log the messages come from: the demo, the tests and the
 * benchmarks share one Redis, and a test database made again is a new log whose ticket ids
 * (`town-1-20240603-0012`) must not meet the jobs of its previous life.
 */
export async function smsQueuePrefix(configured: string | null, db: Pool): Promise<string> {
  if (configured) return configured;
  return `sms.${(await logIdPatiently(db)).replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

/** A process may start while PostgreSQL is briefly away or full, as the platform's link does. */
async function logIdPatiently(db: Pool, tries = 10): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await eventLogId(db);
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** How BullMQ reaches Redis: commands wait out a Redis restart instead of failing the job. */
export function bullConnection(redisUrl: string) {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
