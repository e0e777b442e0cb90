import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { BusinessCode } from '@circle/stations';
import type { CommandContext } from '../streams/event-stream';

export class ChangeCounterSkillsCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
    readonly skills: readonly BusinessCode[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
