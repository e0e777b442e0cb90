import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject, filter } from 'rxjs';
import { EventStore, LogPosition, StoredEvent, positionOf } from '@circle/event-store';
import { stationOfStream } from './station-of-stream';

export interface StationChange {
  readonly stationId: string;
  readonly event: StoredEvent;
}

const POLL_MS = 250;
const BATCH = 500;
/** An event's time is its transaction's start, which may be a little before its commit. */
const SLACK_MS = 2000;

/**
 * Follows the event log in commit order and hands each station's walk-in and counter events to
 * whoever listens. It reads the log rather than Kafka so a page sees its change a few hundred
 * milliseconds after the commit, on any app, with or without the relay; it polls only while
 * someone listens.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly logger = new Logger('LiveFeed');
  private readonly changes = new Subject<StationChange>();
  private listeners = 0;
  private position?: LogPosition;
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: EventStore) {}

  changesAt(stationId: string): Observable<StationChange> {
    return new Observable<StationChange>((subscriber) => {
      // The listener got a snapshot; older events would replay calls the board already shows.
      const since = Date.now() - SLACK_MS;
      const subscription = this.changes
        .pipe(filter((c) => c.stationId === stationId && c.event.occurredAt.getTime() >= since))
        .subscribe(subscriber);
      this.listeners += 1;
      this.schedule();
      return () => {
        subscription.unsubscribe();
        this.listeners -= 1;
      };
    });
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.changes.complete();
  }

  private schedule(): void {
    if (this.timer || this.listeners === 0) return;
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    try {
      this.position ??= await this.store.committedHead();
      for (;;) {
        const events = await this.store.readAll(this.position, BATCH);
        for (const event of events) {
          this.position = positionOf(event);
          const stationId = stationOfStream(event.streamId);
          if (stationId) this.changes.next({ stationId, event });
        }
        if (events.length < BATCH) break;
      }
    } catch (error) {
      this.logger.warn(`live feed read failed: ${error instanceof Error ? error.message : error}`);
    }
    this.timer = undefined;
    // Nobody listening: forget the position, so the next listener starts from now.
    if (this.listeners === 0) this.position = undefined;
    this.schedule();
  }
}
