import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { checkedResidentId, coverageOf } from '../domain';
import { actingStation } from '../domain/acting-station';
import { Clock } from '../shared/clock';
import { InsuredPersonStreams } from '../shared/insured-person.streams';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { EnrollResidentCommand, type ResidentEnrolledAnswer } from './enroll-resident.command';

@CommandHandler(EnrollResidentCommand)
export class EnrollResidentHandler implements ICommandHandler<EnrollResidentCommand> {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  async execute({ request, context }: EnrollResidentCommand): Promise<ResidentEnrolledAnswer> {
    const station = actingStation('ENROLL_RESIDENT', context.principal.stationId, this.served);
    const at = this.clock.shanghaiNow();
    const id = checkedResidentId(request.residentId, at.slice(0, 10));
    const year = request.year ?? Number(at.slice(0, 4));
    const command = {
      kind: 'EnrollResident' as const,
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
      year,
      policies: this.policies,
      stationId: station.stationId,
      at,
    };
    const answer = await this.streams.execute(id.id, command, context, station, ({ state }) => {
      const view = coverageOf(state, year, at);
      if (!view?.coverage) throw new Error('an enrollment must yield the year it enrolled');
      const { residentId, birthDate, sex } = view;
      return { status: 201, body: { residentId, birthDate, sex, ...view.coverage } };
    });
    return answer.body;
  }
}
