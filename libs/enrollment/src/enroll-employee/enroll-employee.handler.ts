import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isIsoDate } from '@circle/policy';
import { checkedCreditCode, InvalidEnrollmentInput, NotOnRecord } from '../domain';
import { EmployerStreams } from '../shared/employer.streams';
import { PersonDesk } from '../shared/person-desk';
import { EnrollEmployeeCommand } from './enroll-employee.command';

@CommandHandler(EnrollEmployeeCommand)
export class EnrollEmployeeHandler implements ICommandHandler<EnrollEmployeeCommand> {
  constructor(
    private readonly desk: PersonDesk,
    private readonly employers: EmployerStreams,
  ) {}

  async execute({ creditCode, request, context }: EnrollEmployeeCommand) {
    const code = checkedCreditCode(creditCode);
    if (!isIsoDate(request.joinedOn))
      throw new InvalidEnrollmentInput('joinedOn', `${request.joinedOn} is not a real date`);
    const { registered } = await this.employers.load(code);
    if (!registered) throw new NotOnRecord(`employer ${code}`);
    const employer = { creditCode: code, name: registered.name, region: registered.region };
    return this.desk.handle({
      business: 'ENROLL_EMPLOYEE',
      residentId: request.residentId,
      context,
      command: ({ station, at, id }) => ({
        kind: 'EnrollEmployee',
        id,
        name: request.name,
        phone: request.phone ?? null,
        employer,
        joinedOn: request.joinedOn,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }, { id }) => {
        const job = state.employments.find((e) => e.leftOn === null);
        if (!job) throw new Error('an enrolled employee must have a current employment');
        return { residentId: id.id, ...job };
      },
    });
  }
}
