import { randomUUID } from 'node:crypto';
import { ConcurrencyConflict, type EventStore, type NewEvent } from '@circle/event-store';
import { BENCH_EVENT_TYPE } from './pipeline-projection';

export interface WriterPlan {
  readonly writers: number;
  readonly streams: number;
  readonly eventsPerAppend: number;
  /** Events per second offered by all writers together; 0 appends as fast as they can. */
  readonly rate: number;
  readonly streamPrefix: string;
  readonly until: number;
}

export interface WriterTally {
  /** Append completion times (ms since the epoch), one entry per event. */
  readonly appendedAt: number[];
  conflicts: number;
}

const BUSINESSES = ['ENROLL_RESIDENT', 'COVERAGE_ENQUIRY', 'CLAIM_SUBMISSION', 'CARD_REPLACEMENT'];
const STATIONS = ['town-1', 'town-2', 'hall-1', 'hospital-1'];

/** Shaped like a kiosk's ticket: a few ids, codes and timestamps, some 300 bytes of JSON. */
function ticket(streamId: string, seq: number): NewEvent {
  const business = BUSINESSES[seq % BUSINESSES.length] ?? 'COVERAGE_ENQUIRY';
  return {
    type: BENCH_EVENT_TYPE,
    schemaVersion: 1,
    data: {
      ticketId: `${streamId}-${seq}`,
      number: `${business.charAt(0)}${String(seq % 1000).padStart(3, '0')}`,
      business,
      priority: seq % 17 === 0 ? 'elderly' : 'regular',
      channel: seq % 5 === 0 ? 'mini-program' : 'kiosk',
      residentRef: randomUUID(),
      issuedAt: new Date().toISOString(),
      estimatedWaitMinutes: seq % 25,
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each writer owns its streams and knows their versions, as a command handler that just loaded
 * its aggregate would, so appends never conflict and every one is a real optimistic check.
 * Paced writers keep a schedule rather than a gap between appends: a slow append is caught up
 * on, so the offered rate holds as long as the store can take it.
 */
export async function runWriters(store: EventStore, plan: WriterPlan): Promise<WriterTally> {
  const tally: WriterTally = { appendedAt: [], conflicts: 0 };
  const intervalMs = plan.rate > 0 ? (1000 * plan.writers * plan.eventsPerAppend) / plan.rate : 0;
  await Promise.all(
    Array.from({ length: plan.writers }, async (_, w) => {
      const streams = Array.from(
        { length: Math.ceil((plan.streams - w) / plan.writers) },
        (_, i) => `${plan.streamPrefix}${w + i * plan.writers}`,
      );
      const versions = new Map<string, number>();
      const station = STATIONS[w % STATIONS.length] ?? 'town-1';
      let due = Date.now() + (intervalMs * w) / plan.writers;
      for (let n = 0; Date.now() < plan.until; n++) {
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        due += intervalMs;
        const streamId = streams[n % streams.length] as string;
        const version = versions.get(streamId) ?? 0;
        const events = Array.from({ length: plan.eventsPerAppend }, (_, i) =>
          ticket(streamId, version + i + 1),
        );
        const correlationId = randomUUID();
        try {
          const result = await store.append(streamId, version, events, {
            correlationId,
            actor: `bench-kiosk-${w}`,
            stationId: station,
          });
          versions.set(streamId, result.version);
          const now = Date.now();
          for (let i = 0; i < events.length; i++) tally.appendedAt.push(now);
        } catch (error) {
          if (!(error instanceof ConcurrencyConflict)) throw error;
          tally.conflicts++;
          versions.set(streamId, await store.streamVersion(streamId));
        }
      }
    }),
  );
  return tally;
}
