import { ERASED, PersonKeyring } from '@circle/event-store';
import { randomBytes } from 'node:crypto';
import { ERASED as DOMAIN_ERASED } from '../domain';
import { enroll, person, when } from '../testing/given-person';
import { openEvent, sealedPeopleOf, sealEvents } from './personal-events';

const id = person('1980-01-01');
const enrolled = when([], enroll(id));
const keyring = new PersonKeyring(new Map([[id.id, randomBytes(32)]]));

describe('sealed events of an insured person', () => {
  it('seals name, phone and notice before the append, and opens them back', () => {
    const sealed = sealEvents(keyring, id.id, enrolled);
    const json = JSON.stringify(sealed);
    expect(json).not.toMatch(/王小明|13800000000|王\*\*/);
    expect(json).toContain(id.id);
    expect(sealedPeopleOf(sealed)).toEqual([id.id]);
    expect(sealed.map((e) => openEvent(keyring, e))).toEqual(enrolled);
  });

  it('opens an erased person as erased, keeping every amount', () => {
    const sealed = sealEvents(keyring, id.id, enrolled);
    const erased = sealed.map((e) => openEvent(new PersonKeyring(new Map()), e));
    expect(erased[0]?.data).toMatchObject({ name: ERASED, phone: ERASED });
    const amounts = (events: typeof enrolled) =>
      events.flatMap((e) =>
        e.type === 'enrollment.ContributionAssessed' ? [e.data.payableFen] : [],
      );
    expect(amounts(erased)).toEqual(amounts(enrolled));
    expect(amounts(enrolled).length).toBeGreaterThan(0);
  });

  it("shows the port's own erased marker", () => {
    expect(DOMAIN_ERASED).toBe(ERASED);
  });

  it('leaves plaintext of events written before sealing as it stands', () => {
    expect(sealedPeopleOf(enrolled)).toEqual([]);
    expect(enrolled.map((e) => openEvent(new PersonKeyring(new Map()), e))).toEqual(enrolled);
  });
});
