import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_DATA, type PersonalData } from '@circle/event-store';
import { checkedResidentId, ERASED, NotOnRecord } from '../domain';
import { phonesOf } from '../domain/insured-person/personal-fields';
import { Clock } from '../shared/clock';
import { InsuredPersonStreams } from '../shared/insured-person.streams';
import { ErasePersonCommand, type PersonErasedAnswer } from './erase-person.command';

/** The district office records an erasure; an admin acts for it, at no counter. */
const DISTRICT_OFFICE = { stationId: 'hall', kind: 'hall' } as const;

/**
 * Erasing a person: their key is deleted first, with the keys of kiosk tickets that gave one
 * of their numbers and the answers kept about them, so from then on no copy of their sealed
 * name, phone or address opens anywhere; then PersonErased tells every read model to drop what
 * it holds of them. A retry after a failure between the two finds the key gone and records the
 * event; a repeat after both records nothing and answers the same.
 */
@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

  async execute({ residentId, context }: ErasePersonCommand): Promise<PersonErasedAnswer> {
    const at = this.clock.shanghaiNow();
    const id = checkedResidentId(residentId, at.slice(0, 10));
    const before = await this.streams.load(id.id);
    if (!before.person) throw new NotOnRecord('this resident');
    // Kiosk tickets with one of the person's numbers and no resident ID were sealed with a key
    // kept for that number: it goes first, while the person's own key still opens the numbers.
    const history = await this.streams.history(id.id);
    const numbers = [...new Set(history.flatMap(phonesOf))].filter((p) => p !== ERASED);
    await this.personal.forget(numbers.map((p) => this.personal.phoneKeyId(p)));
    await this.personal.erase(id.id);
    const command = { kind: 'ErasePerson', stationId: DISTRICT_OFFICE.stationId, at } as const;
    const answered = await this.streams.execute(id.id, command, context, DISTRICT_OFFICE, () => ({
      status: 200,
      body: { residentId: id.id, erased: true as const },
    }));
    return answered.body;
  }
}
