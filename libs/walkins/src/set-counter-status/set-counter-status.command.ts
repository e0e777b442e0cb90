import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { CounterStatus } from '../../../stations/src/domain/station.state';
import type { CommandContext } from '../streams/event-stream';

export class SetCounterStatusCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
    readonly status: CounterStatus,
    readonly clerk: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
