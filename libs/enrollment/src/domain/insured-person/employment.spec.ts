import { enroll, fold, person, when } from '../../testing/given-person';
import type { InsuredPersonCommand } from './insured-person.decider';

const worker = person('1990-03-03', 456);
const employer = { creditCode: '91370800MA3C0XXX0X', name: '太白湖机械厂', region: 'taibai-lake' };
const join: InsuredPersonCommand = {
  kind: 'EnrollEmployee',
  id: worker,
  name: '李四',
  phone: '13900000000',
  employer,
  joinedOn: '2022-03-01',
  stationId: 'hall',
  at: '2022-03-01T09:00:00+08:00',
};
const leave: InsuredPersonCommand = {
  kind: 'LeaveEmployer',
  creditCode: employer.creditCode,
  leftOn: '2022-08-31',
  stationId: 'hall',
  at: '2022-09-01T09:00:00+08:00',
};

describe('employees', () => {
  it('enrols an employee and refuses resident enrollment while employed', () => {
    const joined = when([], join);
    expect(joined[0]?.type).toBe('enrollment.EmployeeEnrolled');
    expect(() => when(joined, enroll(worker))).toThrow(
      expect.objectContaining({ code: 'insured_as_employee' }),
    );
    expect(() => when(joined, join)).toThrow(expect.objectContaining({ code: 'already_employed' }));
  });

  it('after leaving, the person may enrol as a resident', () => {
    const history = [...when([], join)];
    history.push(...when(history, leave));
    expect(fold(history).employments[0]?.leftOn).toBe('2022-08-31');
    expect(when(history, enroll(worker, { year: 2022 }))[0]?.type).toBe(
      'enrollment.ResidentEnrolled',
    );
  });

  it('refuses leaving an employer the person is not at, or before joining', () => {
    expect(() => when([], leave)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() => when(when([], join), { ...leave, leftOn: '2022-01-01' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'leftOn' })] }),
    );
  });
});

describe('insured-information change', () => {
  const enrolled = when([], enroll(person('1980-01-01')));
  const change = (changes: object): InsuredPersonCommand => ({
    kind: 'ChangeInformation',
    changes,
    reason: 'moved',
    stationId: 'town-1',
    at: '2022-04-01T09:00:00+08:00',
  });

  it('records old and new values, and texts the new phone', () => {
    const [changed] = when(enrolled, change({ phone: '13700000000', address: '新区1号' }));
    expect(changed?.data).toMatchObject({
      changes: [
        { field: 'phone', from: '13800000000', to: '13700000000' },
        { field: 'address', from: null, to: '新区1号' },
      ],
      notice: { phone: '13700000000', maskedName: '王**' },
    });
    expect(fold([...enrolled, changed!]).person?.phone).toBe('13700000000');
  });

  it('records nothing when nothing differs', () => {
    expect(when(enrolled, change({ phone: '13800000000' }))).toEqual([]);
  });
});
