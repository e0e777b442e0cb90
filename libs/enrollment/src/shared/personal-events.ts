import {
  isSealed,
  loadPersonKeyring,
  type PersonalData,
  type PersonKeyring,
  type RowQuery,
} from '@circle/event-store';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';
import { personalFieldsOf, withPersonalFields } from '../domain/insured-person/personal-fields';

interface AnyEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The events as appended: their name, phone and address sealed with the person's key. */
export function sealEvents<E extends InsuredPersonEvent>(
  keyring: PersonKeyring,
  residentId: string,
  events: readonly E[],
): E[] {
  return events.map((event) => {
    const fields = personalFieldsOf(event);
    if (Object.keys(fields).length === 0) return event;
    return withPersonalFields(event, keyring.seal(residentId, fields));
  });
}

function sealedPersonOf(event: AnyEvent): string | undefined {
  if (!isInsuredPersonEvent(event)) return undefined;
  const sealed = Object.values(personalFieldsOf(event)).some(isSealed);
  return sealed ? event.data.residentId : undefined;
}

/** Who has sealed fields in these events: the people whose keys a reader must look up. */
export function sealedPeopleOf(events: readonly AnyEvent[]): string[] {
  return [...new Set(events.flatMap((e) => sealedPersonOf(e) ?? []))];
}

/** An insured-person event with its fields opened (ERASED once the key is gone); others as is. */
export function openEvent<E extends AnyEvent>(keyring: PersonKeyring, event: E): E {
  const personId = sealedPersonOf(event);
  if (personId === undefined || !isInsuredPersonEvent(event)) return event;
  const opened = keyring.open(personId, personalFieldsOf(event));
  return { ...event, ...withPersonalFields(event, opened) };
}

/** Opens many events after one key lookup, by `keysOf`, for everyone in them. */
async function openAll<E extends AnyEvent>(
  events: readonly E[],
  keysOf: (people: string[]) => Promise<PersonKeyring>,
): Promise<E[]> {
  const people = sealedPeopleOf(events);
  if (people.length === 0) return [...events];
  const keyring = await keysOf(people);
  return events.map((e) => openEvent(keyring, e));
}

/** Opens many events after one key lookup for everyone in them. */
export function openEvents<E extends AnyEvent>(
  personal: Pick<PersonalData, 'keyring'>,
  events: readonly E[],
): Promise<E[]> {
  return openAll(events, (people) => personal.keyring(people));
}

/** openEvents for a reader holding a query rather than the port (a projection's transaction). */
export function openEventsWith<E extends AnyEvent>(
  query: RowQuery,
  masterKey: Buffer,
  events: readonly E[],
): Promise<E[]> {
  return openAll(events, (people) => loadPersonKeyring(query, masterKey, people));
}
