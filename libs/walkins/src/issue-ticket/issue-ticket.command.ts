import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { BusinessCode } from '@circle/stations';
import type { PriorityClass } from '../domain/priority-class';
import type { CommandContext } from '../streams/event-stream';

export class IssueTicketCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly business: BusinessCode,
    readonly context: CommandContext,
    readonly phone?: string,
    readonly residentId?: string,
    readonly priority?: PriorityClass,
  ) {
    super();
  }
}
