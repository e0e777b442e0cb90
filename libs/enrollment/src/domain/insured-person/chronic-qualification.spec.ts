import { CHINA_HOLIDAYS } from '../holiday-calendar';
import { employ, enroll, NO_HOLIDAYS, person, POLICIES, when } from '../../testing/given-person';
import type { InsuredPersonCommand } from './insured-person.decider';

const enrolled = when([], enroll(person('1960-02-01')));

function apply(disease: string, at = '2022-05-27T10:15:00+08:00'): InsuredPersonCommand {
  return {
    kind: 'ApplyForQualification',
    qualificationId: 'q-1',
    disease,
    year: null,
    policies: POLICIES,
    calendar: NO_HOLIDAYS,
    stationId: 'hosp-2',
    at,
  };
}

function decide(
  outcome: 'approve' | 'reject',
  reason: string | null,
  at = '2022-05-30T11:00:00+08:00',
): InsuredPersonCommand {
  return {
    kind: 'DecideQualification',
    qualificationId: 'q-1',
    outcome,
    reason,
    stationId: 'hall',
    at,
  };
}

describe('chronic disease qualification', () => {
  it('starts a one-working-day clock from the policy: a Friday application is due Monday', () => {
    const [applied] = when(enrolled, apply('hypertension'));
    expect(applied).toMatchObject({
      type: 'enrollment.ChronicQualificationApplied',
      data: { disease: 'hypertension', year: 2022, deadline: '2022-05-30T23:59:59.999+08:00' },
    });
  });

  it('skips the holidays of the calendar it is given (National Day 2022)', () => {
    const [applied] = when(enrolled, {
      ...apply('diabetes', '2022-09-30T16:00:00+08:00'),
      calendar: CHINA_HOLIDAYS,
    } as InsuredPersonCommand);
    expect(applied?.data).toMatchObject({ deadline: '2022-10-08T23:59:59.999+08:00' });
  });

  it('names disease when it is not on the policy list', () => {
    expect(() => when(enrolled, apply('gout'))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'disease' })] }),
    );
  });

  describe('deadline from the policy in force on the day of the application', () => {
    const shizhong2020 = when(
      [],
      enroll(person('1960-02-01'), { region: 'shizhong-zaozhuang', year: 2020 }),
    );

    it('Shizhong before the reform: 180 calendar days, not working days (seed 004)', () => {
      const [applied] = when(shizhong2020, apply('hypertension', '2020-03-05T10:00:00+08:00'));
      expect(applied?.data).toMatchObject({
        year: 2020,
        policyVersion: POLICIES.inForce('shizhong-zaozhuang', '2020-03-05').versionId,
        deadline: '2020-09-01T23:59:59.999+08:00',
      });
    });

    it('a 180th day on a weekend moves to the next working day (Civil Code art. 203)', () => {
      const [applied] = when(shizhong2020, apply('hypertension', '2020-03-02T10:00:00+08:00'));
      expect(applied?.data).toMatchObject({ deadline: '2020-08-31T23:59:59.999+08:00' });
    });

    it("uses the day's policy, not the enrolled year's: after the reform, one working day", () => {
      const [applied] = when(shizhong2020, apply('diabetes', '2021-03-05T10:00:00+08:00'));
      expect(applied?.data).toMatchObject({
        year: 2020,
        policyVersion: POLICIES.inForce('shizhong-zaozhuang', '2021-03-05').versionId,
        deadline: '2021-03-08T23:59:59.999+08:00',
      });
    });

    it('carries the last notice forward to an application made today', () => {
      const now = [...enrolled, ...when(enrolled, enroll(person('1960-02-01'), { year: 2026 }))];
      const [applied] = when(now, apply('diabetes', '2026-12-04T10:00:00+08:00'));
      expect(applied?.data).toMatchObject({
        year: 2026,
        policyVersion: POLICIES.inForce('taibai-lake', '2026-12-04').versionId,
        deadline: '2026-12-07T23:59:59.999+08:00',
      });
    });
  });

  it('takes an application from an employee, for the year of the day', () => {
    const employee = when([], employ(person('1990-03-03')));
    const [applied] = when(employee, apply('diabetes'));
    expect(applied).toMatchObject({
      type: 'enrollment.ChronicQualificationApplied',
      data: {
        region: 'taibai-lake',
        year: 2022,
        deadline: '2022-05-30T23:59:59.999+08:00',
        policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
      },
    });
  });

  it('refuses someone not enrolled and a second application for the same disease', () => {
    expect(() => when([], apply('diabetes'))).toThrow(expect.objectContaining({ kind: 'rule' }));
    const applied = [...enrolled, ...when(enrolled, apply('diabetes'))];
    expect(() => when(applied, apply('diabetes'))).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
  });

  it('approves within the deadline, once', () => {
    const applied = [...enrolled, ...when(enrolled, apply('diabetes'))];
    const [approved] = when(applied, decide('approve', null));
    expect(approved).toMatchObject({
      type: 'enrollment.ChronicQualificationApproved',
      data: { withinDeadline: true },
    });
    expect(() => when([...applied, approved!], decide('reject', 'late'))).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'already_decided' }),
    );
  });

  it('records a late decision as outside the deadline and requires a reason to reject', () => {
    const applied = [...enrolled, ...when(enrolled, apply('diabetes'))];
    expect(() => when(applied, decide('reject', null))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'reason' })] }),
    );
    const [rejected] = when(applied, decide('reject', 'no diagnosis', '2022-05-31T08:00:00+08:00'));
    expect(rejected?.data).toMatchObject({ withinDeadline: false, reason: 'no diagnosis' });
  });
});
