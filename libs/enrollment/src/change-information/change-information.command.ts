import { Command } from '@nestjs/cqrs';
import type { FieldChange, PersonRecord } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { ChangeInformationRequest } from './change-information.request.dto';

export interface InformationChangedAnswer {
  readonly changes: readonly FieldChange[];
  readonly person: PersonRecord;
}

export class ChangeInformationCommand extends Command<InformationChangedAnswer> {
  constructor(
    readonly residentId: string,
    readonly request: ChangeInformationRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
