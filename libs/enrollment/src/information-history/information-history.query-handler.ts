import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkedResidentId, ERASED, NotOnRecord, type FieldChange } from '../domain';
import { isPersonalField } from '../domain/insured-person/personal-fields';
import { Clock } from '../shared/clock';
import { InsuredPersonStreams } from '../shared/insured-person.streams';
import { assertMayRead } from '../shared/reading-station';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { InformationHistoryQuery, type InformationHistoryEntry } from './information-history.query';

/** A change as shown once its person is erased: events written before fields were sealed too. */
const erasedChange = (c: FieldChange): FieldChange =>
  isPersonalField(c.field)
    ? { ...c, from: c.from === null ? null : ERASED, to: c.to === null ? null : ERASED }
    : c;

/** The history is the stream itself: every change event, oldest first, with who made it. */
@QueryHandler(InformationHistoryQuery)
export class InformationHistoryHandler implements IQueryHandler<InformationHistoryQuery> {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  async execute({ residentId, principal }: InformationHistoryQuery) {
    assertMayRead(principal, 'CHANGE_INFO', this.served);
    const id = checkedResidentId(residentId, this.clock.shanghaiToday());
    const events = await this.streams.history(id.id);
    if (events.length === 0) throw new NotOnRecord('this resident');
    const erased = events.some((e) => e.type === 'enrollment.PersonErased');
    return events.flatMap((event): InformationHistoryEntry[] =>
      event.type === 'enrollment.InsuredInformationChanged'
        ? [
            {
              at: event.data.at,
              stationId: event.data.stationId,
              actor: event.actor,
              reason: event.data.reason,
              changes: erased ? event.data.changes.map(erasedChange) : event.data.changes,
            },
          ]
        : [],
    );
  }
}
