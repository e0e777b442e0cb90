import { Inject, Injectable } from '@nestjs/common';
import { CommandAnswer, EventStore } from '@circle/event-store';
import type { Station } from '../../../stations/src/domain/station.state';
import { Place, queueView, QueueView, ticketPlace } from '../domain/queue-view';
import { queueDayOf } from '../domain/queue-day';
import {
  QueueEvent,
  QUEUE_EVENT_TYPES,
  QUEUE_SCHEMA_VERSIONS,
} from '../domain/station-queue.events';
import { evolveQueue } from '../domain/station-queue.evolve';
import { QueueState, initialQueueState } from '../domain/station-queue.state';
import { queueStreamId } from '../domain/ticket-id';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { CommandContext, EventStream, Folded } from '../streams/event-stream';
import { WALKINS_SETTINGS } from '../walkins.config';

export type QueueDecision = (state: QueueState) => {
  readonly events: readonly QueueEvent[];
  readonly answer: (after: QueueState) => CommandAnswer;
};

/** The queues of every station and day, one stream each, folded and kept in memory. */
@Injectable()
export class QueueBook {
  private readonly streams: EventStream<QueueState, QueueEvent>;

  constructor(
    store: EventStore,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {
    this.streams = new EventStream(
      store,
      {
        name: 'queue',
        initial: initialQueueState,
        evolve: evolveQueue,
        types: QUEUE_EVENT_TYPES,
      },
      QUEUE_SCHEMA_VERSIONS,
    );
  }

  queue(stationId: string, day: string): Promise<Folded<QueueState>> {
    return this.streams.current(queueStreamId(stationId, day));
  }

  /** The state as this process last folded it, without a read. */
  cached(stationId: string, day: string): QueueState | undefined {
    return this.streams.cached(queueStreamId(stationId, day))?.state;
  }

  execute(
    stationId: string,
    day: string,
    decide: QueueDecision,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.streams.execute(queueStreamId(stationId, day), decide, context);
  }

  /** Positions, waits and counters of a station's queue as it stands. */
  view(station: Station, state: QueueState): QueueView {
    return queueView(state, station.counters, station.fairnessRatio, this.settings);
  }

  /** One waiting ticket's position and wait: a pass over the tickets ahead of it only. */
  place(station: Station, state: QueueState, ticketId: string): Place | undefined {
    return ticketPlace(state, station.counters, station.fairnessRatio, this.settings, ticketId);
  }

  async today(
    station: Station,
    now: string,
  ): Promise<{ day: string; view: QueueView; state: QueueState }> {
    const day = queueDayOf(now);
    const { state } = await this.queue(station.stationId, day);
    return { day, state, view: this.view(station, state) };
  }
}
