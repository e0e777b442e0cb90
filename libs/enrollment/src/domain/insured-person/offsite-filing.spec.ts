import { employ, enroll, person, POLICIES, when } from '../../testing/given-person';
import type { InsuredPersonCommand } from './insured-person.decider';
import type { FilingType } from './insured-person.events';

const enrolled = when([], enroll(person('1980-01-01')));

function file(
  filingType: FilingType,
  overrides: Partial<Extract<InsuredPersonCommand, { kind: 'FileOffsiteTreatment' }>> = {},
): InsuredPersonCommand {
  return {
    kind: 'FileOffsiteTreatment',
    filingId: 'f-1',
    filingType,
    destinationRegion: 'Beijing',
    destinationScope: 'out-of-province',
    destinationHospital: 'Peking Union Medical College Hospital',
    validFrom: '2022-06-01',
    validTo: '2022-12-31',
    policies: POLICIES,
    stationId: 'town-1',
    stationKind: 'township',
    at: '2022-05-30T09:00:00+08:00',
    ...overrides,
  };
}

const field = (name: string) =>
  expect.objectContaining({ fields: [expect.objectContaining({ field: name })] });

describe('off-site treatment filing', () => {
  it('files each type at a township station', () => {
    for (const type of ['relocated', 'long-term-elsewhere', 'referral', 'temporary'] as const)
      expect(when(enrolled, file(type))[0]?.type).toBe('enrollment.OffsiteTreatmentFiled');
  });

  it('lets a hospital station file referrals only, naming where the others go', () => {
    const hospital = { stationId: 'hosp-1', stationKind: 'hospital' };
    expect(when(enrolled, file('referral', hospital))).toHaveLength(1);
    expect(() => when(enrolled, file('relocated', hospital))).toThrow(
      expect.objectContaining({ kind: 'forbidden', message: expect.stringContaining('hall') }),
    );
  });

  it('checks the validity dates and what each type needs', () => {
    expect(() => when(enrolled, file('temporary', { validTo: '2022-05-01' }))).toThrow(
      field('validTo'),
    );
    expect(() => when(enrolled, file('temporary', { validTo: null }))).toThrow(field('validTo'));
    expect(() => when(enrolled, file('referral', { destinationHospital: null }))).toThrow(
      field('destinationHospital'),
    );
    expect(when(enrolled, file('relocated', { validTo: null }))).toHaveLength(1);
  });

  it('refuses someone who is not insured here', () => {
    expect(() => when([], file('referral'))).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
  });

  describe('follows the policy in force on the filing day', () => {
    const inProvince = { destinationRegion: 'Jinan', destinationScope: 'in-province' } as const;

    it('refuses a temporary filing within the province since seed 000 cancelled it', () => {
      expect(() => when(enrolled, file('temporary', inProvince))).toThrow(
        expect.objectContaining({
          kind: 'rule',
          code: 'filing_not_needed',
          fields: [
            {
              field: 'filingType',
              problem: expect.stringMatching(/^no filing is needed: policy taibai-lake@2022#/),
            },
          ],
        }),
      );
    });

    it('still takes the other in-province filings, and temporary ones outside the province', () => {
      expect(when(enrolled, file('referral', inProvince))).toHaveLength(1);
      expect(when(enrolled, file('temporary'))).toHaveLength(1);
    });

    it('took an in-province temporary filing while the 2021 policy was in force', () => {
      const in2021 = when([], enroll(person('1980-01-01'), { year: 2021 }));
      const filed = when(
        in2021,
        file('temporary', {
          ...inProvince,
          validFrom: '2021-06-01',
          validTo: '2021-06-30',
          at: '2021-05-30T09:00:00+08:00',
        }),
      );
      expect(filed).toHaveLength(1);
    });

    it('judges by the filing day, not by the year the person enrolled for', () => {
      const in2021 = when([], enroll(person('1980-01-01'), { year: 2021 }));
      expect(() => when(in2021, file('temporary', inProvince))).toThrow(field('filingType'));
    });

    it('applies to employees too, by their employer’s region', () => {
      const employee = when([], employ(person('1990-03-03')));
      expect(when(employee, file('referral'))).toHaveLength(1);
      expect(() => when(employee, file('temporary', inProvince))).toThrow(field('filingType'));
    });
  });
});
