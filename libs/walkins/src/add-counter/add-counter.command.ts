import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { BusinessCode } from '@circle/stations';
import type { CommandContext } from '../streams/event-stream';

export class AddCounterCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
    readonly context: CommandContext,
    readonly skills?: readonly BusinessCode[],
  ) {
    super();
  }
}
