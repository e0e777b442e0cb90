import fc from 'fast-check';
import { RESIDENT_CATEGORIES } from '../../../../policy/src/domain/resident-category';
import { DomainError } from '@circle/kernel';
import { enroll, fold, pay, person, POLICIES, when } from '../../testing/given-person';

const typesOf = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('enrolling a resident', () => {
  const resident = person('1985-04-02');

  it('Taibai Lake 2022: a general resident is assessed 320 yuan with a 610 yuan subsidy', () => {
    const events = when([], enroll(resident));
    expect(typesOf(events)).toEqual([
      'enrollment.ResidentEnrolled',
      'enrollment.ContributionAssessed',
    ]);
    expect(events[1]?.data).toMatchObject({
      individualFen: 32_000,
      subsidyFen: 61_000,
      payableFen: 32_000,
      waivedFen: 0,
      policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
    });
  });

  it('covers a fully waived resident at once (extreme poverty pays nothing)', () => {
    const events = when([], enroll(resident, { category: 'extreme-poverty' }));
    expect(typesOf(events)).toContain('enrollment.CoverageActivated');
    expect(events[1]?.data).toMatchObject({ payableFen: 0, waivedFen: 32_000 });
  });

  it.each([
    ['1950-06-01', 0],
    ['1958-06-01', 16_000],
    ['1970-06-01', 32_000],
  ])('Shizhong 2021: born %s pays %i fen (70+ nothing, 60–69 half)', (birthDate, payable) => {
    const events = when(
      [],
      enroll(person(birthDate), { region: 'shizhong-zaozhuang', year: 2021 }),
    );
    expect(events[1]?.data).toMatchObject({ subsidyFen: 55_000, payableFen: payable });
  });

  it('refuses the same person twice in a year (409) but enrolls the next year', () => {
    const first = when([], enroll(resident));
    expect(() => when(first, enroll(resident))).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'already_enrolled' }),
    );
    expect(() => when(first, enroll(resident, { year: 2021 }))).not.toThrow();
  });

  it('names region for an unknown region and year before the region had a policy', () => {
    expect(() => when([], enroll(resident, { region: 'atlantis' }))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'region' })] }),
    );
    expect(() => when([], enroll(resident, { year: 2020 }))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'year' })] }),
    );
  });

  it('enrolls a year past the last notice on the version in force on 1 January, carried forward', () => {
    const events = when([], enroll(resident, { year: 2026, at: '2026-12-04T09:00:00+08:00' }));
    expect(events[0]?.data).toMatchObject({
      year: 2026,
      policyVersion: POLICIES.inForce('taibai-lake', '2026-01-01').versionId,
    });
    expect(events[1]?.data).toMatchObject({ individualFen: 32_000, subsidyFen: 61_000 });
  });

  it('waives the elderly by the age the policy names, not by the declared category', () => {
    const [, young] = when([], enroll(person('1985-04-02'), { category: 'elderly' }));
    expect(young?.data).toMatchObject({ payableFen: 32_000, waivedFen: 0 });
    const [, old] = when([], enroll(person('1950-04-02'), { category: 'general' }));
    expect(old?.data).toMatchObject({ payableFen: 0, waivedFen: 32_000 });
  });

  it('waives parents of rural single-daughter households under their own category', () => {
    const events = when([], enroll(resident, { category: 'rural-single-daughter' }));
    expect(events[1]?.data).toMatchObject({ category: 'rural-single-daughter', payableFen: 0 });
    expect(typesOf(events)).toContain('enrollment.CoverageActivated');
  });

  it('refuses a year before the resident was born', () => {
    expect(() => when([], enroll(person('2022-03-01'), { year: 2021 }))).toThrow(DomainError);
  });

  it('for every category and birth date, payable + waived is the individual share', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESIDENT_CATEGORIES),
        fc.integer({ min: 1920, max: 2020 }),
        fc.integer({ min: 0, max: 999 }),
        (category, birthYear, sequence) => {
          const [, assessed] = when(
            [],
            enroll(person(`${birthYear}-07-15`, sequence), {
              category,
              region: 'shizhong-zaozhuang',
              year: 2021,
            }),
          );
          const data = assessed?.data as { payableFen: number; waivedFen: number };
          return data.payableFen + data.waivedFen === 32_000;
        },
      ),
    );
  });
});

describe('paying the contribution', () => {
  const enrolled = when([], enroll(person('1985-04-02')));

  it('activates coverage once the whole share is paid, part payments first', () => {
    const part = when(enrolled, pay(2022, 12_000));
    expect(typesOf(part)).toEqual(['enrollment.ContributionPaid']);
    expect(part[0]?.data).toMatchObject({ paidFen: 12_000, outstandingFen: 20_000 });
    const rest = when([...enrolled, ...part], pay(2022, 20_000, 'R-2'));
    expect(typesOf(rest)).toEqual(['enrollment.ContributionPaid', 'enrollment.CoverageActivated']);
    const state = fold([...enrolled, ...part, ...rest]);
    expect(state.residentYears[0]).toMatchObject({ active: true, receipts: ['R-1', 'R-2'] });
  });

  it.each([
    [-100, 'amountFen'],
    [0, 'amountFen'],
    [32_001, 'amountFen'],
  ])('refuses %i fen naming %s', (amount, field) => {
    expect(() => when(enrolled, pay(2022, amount))).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field })] }),
    );
  });

  it('answers 409 once paid and 404 for a year not enrolled', () => {
    const paid = [...enrolled, ...when(enrolled, pay(2022, 32_000))];
    expect(() => when(paid, pay(2022, 1))).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => when(enrolled, pay(2021, 1))).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
  });

  it('never lets the paid total pass the payable share, whatever the payments', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 40_000 }), { maxLength: 8 }), (amounts) => {
        let events = [...enrolled];
        for (const amount of amounts) {
          try {
            events = [...events, ...when(events, pay(2022, amount))];
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const year = fold(events).residentYears[0];
        return (
          year !== undefined && year.paidFen <= 32_000 && year.active === (year.paidFen === 32_000)
        );
      }),
    );
  });
});
