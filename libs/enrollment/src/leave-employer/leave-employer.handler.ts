import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isIsoDate } from '@circle/policy';
import { checkedCreditCode, InvalidEnrollmentInput } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { LeaveEmployerCommand } from './leave-employer.command';

@CommandHandler(LeaveEmployerCommand)
export class LeaveEmployerHandler implements ICommandHandler<LeaveEmployerCommand> {
  constructor(private readonly desk: PersonDesk) {}

  execute({ creditCode, residentId, request, context }: LeaveEmployerCommand) {
    const code = checkedCreditCode(creditCode);
    if (!isIsoDate(request.leftOn))
      throw new InvalidEnrollmentInput('leftOn', `${request.leftOn} is not a real date`);
    return this.desk.handle({
      business: 'ENROLL_EMPLOYEE',
      residentId,
      context,
      command: ({ station, at }) => ({
        kind: 'LeaveEmployer',
        creditCode: code,
        leftOn: request.leftOn,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }, { id }) => {
        const job = state.employments.findLast((e) => e.creditCode === code);
        if (!job) throw new Error('a left employment must be on record');
        return { residentId: id.id, ...job };
      },
    });
  }
}
