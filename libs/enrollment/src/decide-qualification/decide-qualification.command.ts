import { Command } from '@nestjs/cqrs';
import type { Qualification, WithPolicyWarning } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { DecisionRequest } from './decide-qualification.request.dto';

export class DecideQualificationCommand extends Command<WithPolicyWarning<Qualification>> {
  constructor(
    readonly residentId: string,
    readonly qualificationId: string,
    readonly outcome: 'approve' | 'reject',
    readonly request: DecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
