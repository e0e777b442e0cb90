import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { CommandContext } from '../streams/event-stream';

export class CallNextCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
    readonly clerk: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
