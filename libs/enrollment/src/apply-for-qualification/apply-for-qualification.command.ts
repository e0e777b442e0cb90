import { Command } from '@nestjs/cqrs';
import type { Qualification, WithPolicyWarning } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { ApplyForQualificationRequest } from './apply-for-qualification.request.dto';

export class ApplyForQualificationCommand extends Command<WithPolicyWarning<Qualification>> {
  constructor(
    readonly residentId: string,
    readonly request: ApplyForQualificationRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
