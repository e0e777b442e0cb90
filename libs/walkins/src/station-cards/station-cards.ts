import { Injectable } from '@nestjs/common';
import { Observable, asyncScheduler, concatMap, from, merge, throttleTime } from 'rxjs';
import type { Station } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { queueDayOf } from '../domain/queue-day';
import { StationCard, stationCard } from '../domain/station-card';
import { LiveFeed } from '../live/live-feed.service';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';

/** A card and the server time it was worked out, so a page keeps the newer of two. */
export type TimedCard = StationCard & { readonly at: string };

// A clerk's call is several events within milliseconds (call, counter busy); one card per burst.
const BURST_MS = 200;

/**
 * Each station's card for the supervisor's dashboard, folded from its queue stream as the live
 * stream does: a card changes a few hundred milliseconds after a clerk's command, without
 * waiting for the relay and the read-model projections.
 */
@Injectable()
export class StationCards {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly feed: LiveFeed,
    private readonly clock: Clock,
  ) {}

  async all(): Promise<TimedCard[]> {
    const district = await this.stations.district();
    return Promise.all(district.map((station) => this.cardOf(station)));
  }

  async of(stationId: string): Promise<TimedCard> {
    return this.cardOf(await this.stations.anyStation(stationId));
  }

  /** A fresh card of a station after each burst of its walk-in or counter events. */
  changes(stationIds: readonly string[]): Observable<TimedCard> {
    return merge(
      ...stationIds.map((stationId) =>
        this.feed.changesAt(stationId).pipe(
          throttleTime(BURST_MS, asyncScheduler, { leading: true, trailing: true }),
          concatMap(() => from(this.of(stationId))),
        ),
      ),
    );
  }

  private async cardOf(station: Station): Promise<TimedCard> {
    // Taken before the read, so a card's time is never later than what it shows.
    const at = this.clock.now();
    const day = queueDayOf(at);
    const { state } = await this.queues.queue(station.stationId, day);
    // The station itself comes fresh from its stream: counters opened a moment ago count.
    const current = await this.stations.anyStation(station.stationId);
    return { ...stationCard(current, day, state, at), at };
  }
}
