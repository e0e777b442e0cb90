import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { CommandContext } from '../streams/event-stream';

export class RemoveCounterCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
