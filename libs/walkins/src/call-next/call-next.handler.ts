import { ticketOf } from '../domain/station-queue.state';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { CounterNotFound } from '../../../stations/src/domain/station.errors';
import { findCounter } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { queueDayOf } from '../domain/queue-day';
import { decideQueue } from '../domain/station-queue';
import { ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { CallNextCommand } from './call-next.command';

/**
 * Load the day's queue (from memory, checked by the append's expected version), decide, append.
 * Two counters can never get the same ticket: the second append meets a newer version, reloads
 * and decides again on a queue where that ticket is no longer waiting.
 */
@CommandHandler(CallNextCommand)
export class CallNextHandler implements ICommandHandler<CallNextCommand> {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
  ) {}

  async execute(command: CallNextCommand): Promise<CommandAnswer> {
    const station = await this.stations.station(command.stationId);
    const counter = findCounter(station, command.counterId);
    if (!counter) throw new CounterNotFound(station.stationId, command.counterId);
    const now = this.clock.now();
    return this.queues.execute(
      station.stationId,
      queueDayOf(now),
      (state) => {
        const events = decideQueue(
          {
            kind: 'call-next',
            counter,
            clerk: command.clerk,
            fairnessRatio: station.fairnessRatio,
            now,
          },
          state,
        );
        return {
          events,
          answer: (after) => {
            const called = events[0] && ticketOf(after, events[0].data.ticketId);
            return called
              ? { status: 200, body: { ticket: ticketView(station.stationId, called) } }
              : { status: 204, body: undefined };
          },
        };
      },
      command.context,
    );
  }
}
