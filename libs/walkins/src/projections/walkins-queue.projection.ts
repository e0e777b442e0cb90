import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { QUEUE_EVENT_TYPES, type QueueEvent } from '../domain/station-queue.events';
import { QueueChunk } from './queue-chunk';

export const WALKINS_QUEUE_PROJECTION = 'walkins_queue';

/** A chunk in three statements whatever its size; one event alone the same way. */
async function applyInOrder(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void> {
  const chunk = new QueueChunk(tx);
  for (const event of events) await chunk.add({ type: event.type, data: event.data } as QueueEvent);
  await chunk.flush();
}

/** Every ticket of every station and day, as the supervisor's queue and figures read them. */
export function walkinsQueueProjection(topics: readonly string[] = ['circle.walkins']): Projection {
  return {
    name: WALKINS_QUEUE_PROJECTION,
    topics,
    tables: ['walkins_ticket', 'walkins_queue_day'],
    handles: (type) => (QUEUE_EVENT_TYPES as readonly string[]).includes(type),
    apply: (event, tx) => applyInOrder([event], tx),
    applyBatch: applyInOrder,
  };
}
