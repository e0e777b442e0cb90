import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import {
  CHINA_HOLIDAYS,
  qualificationWithWarning,
  type Qualification,
  type WithPolicyWarning,
} from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { ApplyForQualificationCommand } from './apply-for-qualification.command';

@CommandHandler(ApplyForQualificationCommand)
export class ApplyForQualificationHandler implements ICommandHandler<ApplyForQualificationCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute({
    residentId,
    request,
    context,
  }: ApplyForQualificationCommand): Promise<WithPolicyWarning<Qualification>> {
    const qualificationId = randomUUID();
    return this.desk.handle({
      business: 'CHRONIC_QUALIFICATION',
      residentId,
      context,
      command: ({ station, at }) => ({
        kind: 'ApplyForQualification',
        qualificationId,
        disease: request.disease,
        year: request.year ?? null,
        policies: this.policies,
        calendar: CHINA_HOLIDAYS,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }) => {
        const applied = state.qualifications.find((q) => q.qualificationId === qualificationId);
        if (!applied) throw new Error('an application must be on record once made');
        return qualificationWithWarning(this.policies, applied);
      },
    });
  }
}
