import { enroll, person, when } from '../../testing/given-person';
import type { InsuredPersonCommand } from './insured-person.decider';
import { personalFieldsOf, phonesOf, withPersonalFields } from './personal-fields';

const id = person('1980-01-01');
const enrolled = when([], enroll(id));
const changeInfo = (changes: object): InsuredPersonCommand => ({
  kind: 'ChangeInformation',
  changes,
  reason: null,
  stationId: 'hall',
  at: '2022-04-01T09:00:00+08:00',
});

describe('the personal fields of an event', () => {
  it('lists the name, phone and address of an enrolment and its notice, not the ID', () => {
    const [event] = enrolled;
    if (!event) throw new Error('enrolled');
    expect(personalFieldsOf(event)).toEqual({
      name: '王小明',
      phone: '13800000000',
      'notice.phone': '13800000000',
      'notice.maskedName': '王**',
    });
  });

  it('lists both sides of a changed name, phone or address, and no other change', () => {
    const [changed] = when(enrolled, changeInfo({ phone: '13900000000', category: 'low-income' }));
    if (!changed) throw new Error('changed');
    const fields = personalFieldsOf(changed);
    expect(Object.keys(fields).filter((k) => k.startsWith('changes.'))).toEqual([
      'changes.0.from',
      'changes.0.to',
    ]);
  });

  it('puts values back where they were found, leaving everything else', () => {
    const [event] = enrolled;
    if (!event) throw new Error('enrolled');
    const fields = personalFieldsOf(event);
    const replaced = withPersonalFields(
      event,
      Object.fromEntries(Object.keys(fields).map((k) => [k, `x-${k}`])),
    );
    expect(replaced.data).toMatchObject({
      residentId: id.id,
      name: 'x-name',
      phone: 'x-phone',
      address: null,
      notice: { phone: 'x-notice.phone', maskedName: 'x-notice.maskedName' },
    });
    expect(withPersonalFields(replaced, fields)).toEqual(event);
  });

  it('lists every phone an event puts on the record, both sides of a change included', () => {
    const [event] = enrolled;
    if (!event) throw new Error('enrolled');
    expect(phonesOf(event)).toEqual(['13800000000', '13800000000']);
    const [changed] = when(enrolled, changeInfo({ phone: '13900000000', category: 'low-income' }));
    if (!changed) throw new Error('changed');
    expect(phonesOf(changed)).toEqual(expect.arrayContaining(['13800000000', '13900000000']));
  });
});
