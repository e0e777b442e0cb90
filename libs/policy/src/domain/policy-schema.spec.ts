import shizhong2020 from '../../policies/shizhong-zaozhuang-2020.json';
import shizhong2021 from '../../policies/shizhong-zaozhuang-2021.json';
import taibai2021 from '../../policies/taibai-lake-2021.json';
import taibai2022 from '../../policies/taibai-lake-2022.json';
import { validatePolicyDocument } from './policy-schema';
import { PolicyFileError } from './policy.errors';

const documents: Record<string, unknown> = {
  'shizhong-zaozhuang-2020.json': shizhong2020,
  'shizhong-zaozhuang-2021.json': shizhong2021,
  'taibai-lake-2021.json': taibai2021,
  'taibai-lake-2022.json': taibai2022,
};
const files = Object.keys(documents);
const load = (name: string): Record<string, unknown> =>
  structuredClone(documents[name]) as Record<string, unknown>;

/** A copy of the 2022 Taibai Lake file with one change made at `path`. */
function mutated(
  path: string,
  change: (parent: Record<string, unknown>, key: string) => void,
): unknown {
  const doc = load('taibai-lake-2022.json');
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    doc,
  );
  change(parent, last);
  return doc;
}
const set = (path: string, value: unknown) => mutated(path, (parent, key) => (parent[key] = value));
const remove = (path: string) =>
  mutated(path, (parent, key) => Reflect.deleteProperty(parent, key));

function problemOf(doc: unknown): string {
  try {
    validatePolicyDocument(doc, 'taibai-lake-2022.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyFileError);
    return (error as Error).message;
  }
  throw new Error('the document was accepted');
}

describe('validatePolicyDocument', () => {
  it.each(files)('accepts the real file %s', (name) => {
    const policy = validatePolicyDocument(load(name), name);
    expect(name).toBe(`${policy.region}-${policy.version}.json`);
  });

  it('keeps the figures and their sources', () => {
    const policy = validatePolicyDocument(load('taibai-lake-2022.json'), 'taibai-lake-2022.json');
    expect(policy.inpatient.tiers[2]).toEqual({
      deductibleFen: { value: 40_000, source: 'seed:000' },
      fundShareBps: { value: 7500, source: 'seed:000' },
    });
    expect(policy.inpatient.annualBasicCapFen.source).toBe('assumption');
    expect(policy.criticalIllness.bands.value.at(-1)?.toFen).toBeUndefined();
    expect(policy.employee.basicCapFen).toEqual({ value: 15_000_000, source: 'seed:000' });
    expect(policy.employee.tiers[2].fundShareBps.source).toBe('assumption');
    expect(policy.outpatient.employee.deductiblePer.value).toBe('year');
    expect(policy.assistance.categoryShares.value).toContainEqual({
      category: 'extreme-poverty',
      shareBps: 9000,
    });
  });

  it('keeps where effectiveFrom comes from, the named period and the content hash', () => {
    const policy = validatePolicyDocument(load('taibai-lake-2022.json'), 'taibai-lake-2022.json');
    expect(policy.effectiveFrom).toBe('2022-01-01');
    expect(policy.effectiveFromSource).toEqual({
      source: 'seed:000',
      note: expect.stringContaining('calendar year'),
    });
    expect(policy.periodEnd).toBe('2022-12-31');
    expect(policy.contentHash).toMatch(/^[0-9a-f]{12}$/);
    const earlier = validatePolicyDocument(load('taibai-lake-2021.json'), 'taibai-lake-2021.json');
    expect(earlier.effectiveFromSource.source).toBe('assumption');
  });

  it('hashes the content, so one changed figure changes the hash', () => {
    const hashOf = (doc: unknown) =>
      validatePolicyDocument(doc, 'taibai-lake-2022.json').contentHash;
    const original = hashOf(load('taibai-lake-2022.json'));
    expect(hashOf(set('contributions.subsidyFen.value', 61_001))).not.toBe(original);
    expect(hashOf(set('contributions.subsidyFen.note', 'read again'))).not.toBe(original);
    expect(hashOf(load('taibai-lake-2022.json'))).toBe(original);
  });

  it('counts time limits in the unit the notice names', () => {
    const before = validatePolicyDocument(
      load('shizhong-zaozhuang-2020.json'),
      'shizhong-zaozhuang-2020.json',
    );
    expect(before.sla.chronicQualification.value).toEqual({ days: 180, unit: 'calendar-days' });
    const after = validatePolicyDocument(
      load('shizhong-zaozhuang-2021.json'),
      'shizhong-zaozhuang-2021.json',
    );
    expect(after.sla.chronicQualification.value).toEqual({ days: 1, unit: 'working-days' });
  });

  it('records that seed 000 cancelled the in-province temporary filing', () => {
    const policy = validatePolicyDocument(load('taibai-lake-2022.json'), 'taibai-lake-2022.json');
    expect(policy.offsiteFiling.inProvince.value).not.toContain('temporary');
    expect(policy.offsiteFiling.outOfProvince.value).toContain('temporary');
    const before = validatePolicyDocument(load('taibai-lake-2021.json'), 'taibai-lake-2021.json');
    expect(before.offsiteFiling.inProvince.value).toContain('temporary');
  });

  it('takes a share of zero, which no one could mean as a percent', () => {
    const policy = validatePolicyDocument(
      set('outpatient.resident.tiers.3.fundShareBps.value', 0),
      'taibai-lake-2022.json',
    );
    expect(policy.outpatient.resident.tiers[3].fundShareBps.value).toBe(0);
  });

  it.each([
    [
      set('inpatient.tiers.2.fundShareBps.value', 10_001),
      'inpatient.tiers.2.fundShareBps must be an integer between 0 and 10000',
    ],
    [
      set('inpatient.tiers.2.fundShareBps.value', 75.5),
      'inpatient.tiers.2.fundShareBps must be an integer between 0 and 10000',
    ],
    [
      set('inpatient.tiers.1.deductibleFen.value', -100),
      'inpatient.tiers.1.deductibleFen must be a whole number of fen',
    ],
    [
      set('inpatient.tiers.1.deductibleFen.value', '100'),
      'inpatient.tiers.1.deductibleFen must be a whole number of fen',
    ],
    [
      set('inpatient.tiers.3.deductibleFen', 80_000),
      'inpatient.tiers.3.deductibleFen must be a figure',
    ],
    [remove('inpatient.tiers.3'), 'inpatient.tiers.3 is missing'],
    [remove('specificDrugs.shareBps.source'), 'specificDrugs.shareBps.source is missing'],
    [
      set('specificDrugs.shareBps.source', 'seed'),
      'specificDrugs.shareBps.source must be "seed:NNN"',
    ],
    [
      remove('inpatient.annualBasicCapFen.reason'),
      'inpatient.annualBasicCapFen.reason must say why',
    ],
    [
      set('inpatient.annualBasicCapFen.reason', '  '),
      'inpatient.annualBasicCapFen.reason must say why',
    ],
    [set('employee.totalCapFen.reason', 'x'), 'employee.totalCapFen.reason belongs to assumptions'],
    [
      set('employee.totalCapFen.value', 100),
      'employee.totalCapFen must be at least basicCapFen + largeExpenseCapFen',
    ],
    [
      set('inpatient.tiers.2.fundShareBps.value', 75),
      'inpatient.tiers.2.fundShareBps must be in basis points: 75 would be 0.75 %; write 7500 for 75 %',
    ],
    [
      set('assistance.categoryShares.value.0.shareBps', 90),
      'assistance.categoryShares.0.shareBps must be in basis points',
    ],
    [
      set('employee.largeExpenseShareBps.value', 90),
      'employee.largeExpenseShareBps must be in basis points',
    ],
    [
      set('criticalIllness.bands.value.0.shareBps', 60),
      'criticalIllness.bands.0.shareBps must be in basis points',
    ],
    [
      set('assistance.categoryShares.value', [{ category: 'low-income', shareBps: 7000 }]),
      'assistance.categoryShares must give a share for extreme-poverty, assistance-key',
    ],
    [
      set('assistance.categoryShares.value.2.category', 'general'),
      'assistance.categoryShares.2.category is not among eligibleCategories',
    ],
    [
      set('assistance.categoryShares.value.2.category', 'low-income'),
      'assistance.categoryShares.2.category repeats "low-income"',
    ],
    [remove('assistance.categoryShares'), 'assistance.categoryShares is missing'],
    [
      set('outpatient.employee.deductiblePer.value', 'month'),
      'outpatient.employee.deductiblePer must be one of visit, year',
    ],
    [remove('outpatient.resident.tiers.1'), 'outpatient.resident.tiers.1 is missing'],
    [remove('outpatient'), 'outpatient is missing'],
    [remove('employee.tiers.3'), 'employee.tiers.3 is missing'],
    [remove('specificDrugs.annualThresholdFen'), 'specificDrugs.annualThresholdFen is missing'],
    [
      remove('inpatient.unfiledOffsiteShareReductionBps'),
      'inpatient.unfiledOffsiteShareReductionBps is missing',
    ],
    [set('inpatient.tier', {}), 'inpatient.tier is not a known field'],
    [set('effectiveFrom.value', '2022-02-30'), 'effectiveFrom must be a real date'],
    [set('effectiveFrom', '2022-01-01'), 'effectiveFrom must be a figure'],
    [remove('effectiveFrom.source'), 'effectiveFrom.source is missing'],
    [set('periodEnd', '2021-12-31'), 'periodEnd must not be before effectiveFrom'],
    [set('effectiveTo', '2022-12-31'), 'effectiveTo is not a known field'],
    [
      set('contributions.categoryWaivers.value.0.category', 'elderly'),
      'contributions.categoryWaivers.0.category cannot waive "elderly" by category',
    ],
    [
      set('offsiteFiling.inProvince.value', ['referral', 'holiday']),
      'offsiteFiling.inProvince.1 must be one of relocated, long-term-elsewhere, referral, temporary',
    ],
    [
      set('offsiteFiling.outOfProvince.value', ['referral', 'referral']),
      'offsiteFiling.outOfProvince.1 repeats "referral"',
    ],
    [remove('offsiteFiling.outOfProvince.source'), 'offsiteFiling.outOfProvince.source is missing'],
    [remove('offsiteFiling'), 'offsiteFiling is missing'],
    [set('currency', 'USD'), 'currency must be "CNY"'],
    [set('region', 'Taibai Lake'), 'region must be lower-case words'],
    [
      set('contributions.categoryWaivers.value', [{ category: 'vip', waiverBps: 10_000 }]),
      'contributions.categoryWaivers.0.category must be a resident category',
    ],
    [
      set('contributions.ageWaivers.value', [
        { fromAge: 60, waiverBps: 5000 },
        { fromAge: 70, waiverBps: 10_000 },
      ]),
      'contributions.ageWaivers.1.fromAge overlaps the band before it',
    ],
    [
      set('contributions.ageWaivers.value', [{ fromAge: 70, toAge: 60, waiverBps: 5000 }]),
      'contributions.ageWaivers.0.toAge must not be below fromAge',
    ],
    [set('criticalIllness.bands.value', []), 'criticalIllness.bands must list at least one band'],
    [
      set('criticalIllness.bands.value', [{ fromFen: 0, shareBps: 6000 }]),
      'criticalIllness.bands.0.fromFen must be 1500000 (the annual threshold)',
    ],
    [
      set('criticalIllness.bands.value', [
        { fromFen: 1_500_000, toFen: 2_000_000, shareBps: 6000 },
        { fromFen: 2_500_000, shareBps: 7000 },
      ]),
      'criticalIllness.bands.1.fromFen must be 2000000',
    ],
    [
      set('criticalIllness.bands.value', [
        { fromFen: 1_500_000, toFen: 2_000_000, shareBps: 6000 },
      ]),
      'criticalIllness.bands.0.toFen is not a known field',
    ],
    [
      set('chronicOutpatient.diseases.1.code', 'hypertension'),
      'chronicOutpatient.diseases.1.code repeats "hypertension"',
    ],
    [
      set('assistance.eligibleCategories.value', ['low-income', 'low-income']),
      'assistance.eligibleCategories.1 repeats "low-income"',
    ],
    [
      set('sla.transfer.value.days', 1.5),
      'sla.transfer.days must be a whole number between 0 and 366',
    ],
    [set('sla.chronicQualification.value', 180), 'sla.chronicQualification must be an object'],
    [remove('sla.chronicQualification.value.unit'), 'sla.chronicQualification.unit is missing'],
    [
      set('sla.transfer.value.unit', 'days'),
      'sla.transfer.unit must be one of working-days, calendar-days',
    ],
    [
      set('sla.transferWorkingDays', { value: 15, source: 'seed:000' }),
      'sla.transferWorkingDays is not a known field',
    ],
    [remove('sla'), 'sla is missing'],
  ])('rejects a mutated document, naming the field: %#', (doc, expected) => {
    expect(problemOf(doc)).toContain(`taibai-lake-2022.json: ${expected}`);
  });

  it('rejects what is not an object at all', () => {
    expect(problemOf(null)).toBe('taibai-lake-2022.json: must be an object');
    expect(problemOf([])).toBe('taibai-lake-2022.json: must be an object');
  });
});
