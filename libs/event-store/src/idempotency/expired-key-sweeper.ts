import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EventStore } from '../store/event-store';
import { KEY_SWEEP_INTERVAL_MS } from './key-lifetime';

/**
 * Deletes expired Idempotency-Keys at start and every hour. Every app with an event store runs
 * one: deleting an expired row twice is harmless, and no app depends on another being up.
 */
@Injectable()
export class ExpiredKeySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpiredKeySweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), KEY_SWEEP_INTERVAL_MS);
    // A sweep is never a reason to keep a process (a script, a test) alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = this.store
      .deleteExpiredKeys()
      .then((deleted) => {
        if (deleted > 0) this.logger.log(`deleted ${deleted} expired Idempotency-Keys`);
      })
      // The database may be down for a while; the next sweep catches up.
      .catch((error: Error) => this.logger.warn(`expired keys not deleted: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
