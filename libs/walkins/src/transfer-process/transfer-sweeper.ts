import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { EventMetadata } from '@circle/event-store';
import { Clock } from '../clock';
import { dayBefore, queueDayOf } from '../domain/queue-day';
import type { TransferOut } from '../domain/station-queue.state';
import { transfersUnderWay } from '../domain/transfer-steps';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { TRANSFER_SWEEP_MS } from '../walkins.config';
import { TransferProcess } from './transfer-process';

/**
 * Carries on the transfers that stopped between steps: a crash of the app that ran them, a
 * database away at the wrong moment. It looks at start and then on a timer, in the queues of
 * the stations this app serves, today's and yesterday's (a transfer just before midnight).
 */
@Injectable()
export class TransferSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TransferSweeper');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly transfers: TransferProcess,
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
    @Inject(TRANSFER_SWEEP_MS) private readonly everyMs: number,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the app serves while what a crash left behind is carried on.
    void this.sweepThenWait();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Carries on every transfer under way from the queues this app keeps; how many it did. */
  async sweep(): Promise<number> {
    const today = queueDayOf(this.clock.now());
    let carried = 0;
    for (const station of await this.stations.servedStations())
      for (const day of [dayBefore(today), today]) {
        const { state } = await this.queues.queue(station.stationId, day);
        for (const transfer of transfersUnderWay(state)) {
          const source = { stationId: station.stationId, day, transferId: transfer.transferId };
          try {
            await this.transfers.finish(source, metadataOf(transfer, station.stationId));
            carried += 1;
          } catch (error) {
            this.logger.warn(`transfer ${transfer.transferId} stays under way: ${text(error)}`);
          }
        }
      }
    return carried;
  }

  private async sweepThenWait(): Promise<void> {
    try {
      const carried = await this.sweep();
      if (carried) this.logger.log(`carried on ${carried} transfer(s) left under way`);
    } catch (error) {
      this.logger.warn(`transfer sweep failed: ${text(error)}`);
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.sweepThenWait(), this.everyMs);
    this.timer.unref();
  }
}

/** The request that started it is gone; the transfer id ties the steps together instead. */
function metadataOf(transfer: TransferOut, stationId: string): EventMetadata {
  return { correlationId: transfer.transferId, actor: transfer.by, stationId };
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
