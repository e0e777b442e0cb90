import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { checkedCreditCode, type EmployerState } from '../domain';
import { actingStation } from '../domain/acting-station';
import { Clock } from '../shared/clock';
import { EmployerStreams } from '../shared/employer.streams';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { RegisterEmployerCommand } from './register-employer.command';

@CommandHandler(RegisterEmployerCommand)
export class RegisterEmployerHandler implements ICommandHandler<RegisterEmployerCommand> {
  constructor(
    private readonly employers: EmployerStreams,
    private readonly clock: Clock,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  execute({ request, context }: RegisterEmployerCommand): Promise<EmployerState> {
    const station = actingStation('ENROLL_EMPLOYEE', context.principal.stationId, this.served);
    const command = {
      kind: 'RegisterEmployer' as const,
      creditCode: checkedCreditCode(request.creditCode),
      name: request.name,
      region: request.region,
      address: request.address ?? null,
      contactPhone: request.contactPhone ?? null,
      policies: this.policies,
      stationId: station.stationId,
      at: this.clock.shanghaiNow(),
    };
    return this.employers.register(command, context, station);
  }
}
