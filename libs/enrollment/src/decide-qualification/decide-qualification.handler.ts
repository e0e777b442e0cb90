import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { qualificationWithWarning, type Qualification, type WithPolicyWarning } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { DecideQualificationCommand } from './decide-qualification.command';

@CommandHandler(DecideQualificationCommand)
export class DecideQualificationHandler implements ICommandHandler<DecideQualificationCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute(command: DecideQualificationCommand): Promise<WithPolicyWarning<Qualification>> {
    const { qualificationId, outcome } = command;
    return this.desk.handle({
      business: 'CHRONIC_QUALIFICATION',
      residentId: command.residentId,
      context: command.context,
      command: ({ station, at }) => ({
        kind: 'DecideQualification',
        qualificationId,
        outcome,
        reason: command.request.reason ?? null,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }) => {
        const decided = state.qualifications.find((q) => q.qualificationId === qualificationId);
        if (!decided) throw new Error('a decided qualification must be on record');
        return qualificationWithWarning(this.policies, decided);
      },
    });
  }
}
