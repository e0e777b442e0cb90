import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkedCreditCode, NotOnRecord } from '../domain';
import { EmployerStreams } from '../shared/employer.streams';
import { assertMayRead } from '../shared/reading-station';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { EmployeeRoll } from './employee-roll';
import { GetEmployerQuery, type EmployerView } from './get-employer.query';

@QueryHandler(GetEmployerQuery)
export class GetEmployerHandler implements IQueryHandler<GetEmployerQuery> {
  constructor(
    private readonly employers: EmployerStreams,
    private readonly roll: EmployeeRoll,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  async execute({ creditCode, principal }: GetEmployerQuery): Promise<EmployerView> {
    assertMayRead(principal, 'ENROLL_EMPLOYEE', this.served);
    const code = checkedCreditCode(creditCode);
    const { registered } = await this.employers.load(code);
    if (!registered) throw new NotOnRecord(`employer ${code}`);
    return { employer: registered, employees: await this.roll.of(code) };
  }
}
