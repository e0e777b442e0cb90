import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { coverageOf } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { EnrollResidentCommand, type ResidentEnrolledAnswer } from './enroll-resident.command';

@CommandHandler(EnrollResidentCommand)
export class EnrollResidentHandler implements ICommandHandler<EnrollResidentCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute({ request, context }: EnrollResidentCommand): Promise<ResidentEnrolledAnswer> {
    return this.desk.handle({
      business: 'ENROLL_RESIDENT',
      residentId: request.residentId,
      context,
      command: ({ station, at, id }) => ({
        kind: 'EnrollResident',
        id,
        details: {
          name: request.name,
          phone: request.phone ?? null,
          address: request.address ?? null,
          communityId: request.communityId ?? null,
          householdId: request.householdId ?? null,
        },
        category: request.category,
        region: request.region,
        year: request.year ?? Number(at.slice(0, 4)),
        policies: this.policies,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state, events }, { at }) => {
        const enrolled = events.find((e) => e.type === 'enrollment.ResidentEnrolled');
        const view = enrolled && coverageOf(state, enrolled.data.year, at, this.policies);
        if (!view?.coverage) throw new Error('an enrollment must yield the year it enrolled');
        const { residentId, birthDate, sex } = view;
        return { residentId, birthDate, sex, ...view.coverage };
      },
    });
  }
}
