import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';

export interface PersonErasedAnswer {
  readonly residentId: string;
  readonly erased: true;
}

export class ErasePersonCommand extends Command<PersonErasedAnswer> {
  constructor(
    readonly residentId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
