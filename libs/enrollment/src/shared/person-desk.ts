import { Inject, Injectable } from '@nestjs/common';
import type { BusinessCode } from '@circle/stations';
import { checkedResidentId, type InsuredPersonCommand, type NationalId } from '../domain';
import { actingStation, type ActingStation } from '../domain/acting-station';
import { Clock } from './clock';
import type { CommandContext } from '@circle/event-store';
import { InsuredPersonStreams, type Decided } from './insured-person.streams';
import { SERVED_STATION_KINDS, type ServedStationKinds } from './served-stations';

/** What every command at the desk starts from: where, when and for whom. */
export interface AtTheDesk {
  readonly station: ActingStation;
  readonly at: string;
  readonly id: NationalId;
}

export interface DeskRequest<Body> {
  readonly business: BusinessCode;
  readonly residentId: string;
  readonly context: CommandContext;
  readonly command: (desk: AtTheDesk) => InsuredPersonCommand;
  readonly answer: (decided: Decided, desk: AtTheDesk) => Body;
}

/**
 * The steps every command about one person shares: the clerk's station may handle the item,
 * the clock is read once, the resident ID is checked; then the person's stream decides.
 */
@Injectable()
export class PersonDesk {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  async handle<Body>(request: DeskRequest<Body>): Promise<Body> {
    const { context } = request;
    const station = actingStation(request.business, context.principal.stationId, this.served);
    const at = this.clock.shanghaiNow();
    const id = checkedResidentId(request.residentId, at.slice(0, 10));
    const desk = { station, at, id };
    const answer = await this.streams.execute(
      id.id,
      request.command(desk),
      context,
      station,
      (decided) => ({ status: 200, body: request.answer(decided, desk) }),
    );
    return answer.body;
  }
}
