import { enroll, fold, person, when } from '../../testing/given-person';
import { ERASED, isErased } from './erase-person';
import type { InsuredPersonCommand } from './insured-person.decider';
import { decideInsuredPerson } from './insured-person.decider';
import { initialInsuredPersonState } from './insured-person.state';

const erase: InsuredPersonCommand = {
  kind: 'ErasePerson',
  stationId: 'hall',
  at: '2022-06-01T09:00:00+08:00',
};

describe('erasing a person', () => {
  const enrolled = when([], enroll(person('1980-01-01')));

  it('records PersonErased with no personal field, and shows the person erased', () => {
    const [erased] = when(enrolled, erase);
    expect(erased).toEqual({
      type: 'enrollment.PersonErased',
      schemaVersion: 1,
      data: { residentId: person('1980-01-01').id, stationId: 'hall', at: erase.at },
    });
    const state = fold([...enrolled, ...(erased ? [erased] : [])]);
    expect(isErased(state)).toBe(true);
    expect(state.person).toMatchObject({ name: ERASED, phone: ERASED, address: ERASED });
  });

  it('keeps every contribution and year as recorded', () => {
    const before = fold(enrolled);
    const after = fold([...enrolled, ...when(enrolled, erase)]);
    expect(after.residentYears).toEqual(before.residentYears);
    expect(after.person?.birthDate).toBe(before.person?.birthDate);
  });

  it('records the erasure though the name already reads erased (the key went first)', () => {
    const keyGone = fold(enrolled);
    const unreadable = {
      ...keyGone,
      person: keyGone.person && { ...keyGone.person, name: ERASED },
    };
    expect(decideInsuredPerson(erase, unreadable)).toHaveLength(1);
  });

  it('records a repeat as nothing, and refuses nobody on record', () => {
    const erased = [...enrolled, ...when(enrolled, erase)];
    expect(decideInsuredPerson(erase, fold(erased))).toEqual([]);
    expect(() => decideInsuredPerson(erase, initialInsuredPersonState())).toThrow(/not on record/);
  });

  it('takes no name, phone or address for an erased person again', () => {
    const erased = fold([...enrolled, ...when(enrolled, erase)]);
    const change: InsuredPersonCommand = {
      kind: 'ChangeInformation',
      changes: { phone: '13900000000' },
      reason: null,
      stationId: 'hall',
      at: erase.at,
    };
    expect(() => decideInsuredPerson(change, erased)).toThrow(/erased/);
  });
});
