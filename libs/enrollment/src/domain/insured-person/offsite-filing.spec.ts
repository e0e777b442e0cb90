import { enroll, person, when } from '../../testing/given-person';
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
    destinationHospital: 'Peking Union Medical College Hospital',
    validFrom: '2022-06-01',
    validTo: '2022-12-31',
    stationId: 'town-1',
    stationKind: 'township',
    at: '2022-05-30T09:00:00+08:00',
    ...overrides,
  };
}

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
    const field = (name: string) =>
      expect.objectContaining({ fields: [expect.objectContaining({ field: name })] });
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
});
