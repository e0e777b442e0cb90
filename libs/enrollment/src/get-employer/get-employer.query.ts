import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { EmployerRegistered } from '../domain';

export interface EmployeeOnRoll {
  readonly residentId: string;
  readonly maskedName: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
}

export interface EmployerView {
  readonly employer: EmployerRegistered['data'];
  readonly employees: readonly EmployeeOnRoll[];
}

export class GetEmployerQuery extends Query<EmployerView> {
  constructor(
    readonly creditCode: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
