import fc from 'fast-check';
import shizhong2020Document from '../../policies/shizhong-zaozhuang-2020.json';
import shizhong2021Document from '../../policies/shizhong-zaozhuang-2021.json';
import taibai2021Document from '../../policies/taibai-lake-2021.json';
import taibai2022Document from '../../policies/taibai-lake-2022.json';
import { quoteContribution, type ContributionRequest } from './contribution';
import { applyShare, type Bps, type Fen } from './money';
import { policyVersionId, type Policy } from './policy';
import { validatePolicyDocument } from './policy-schema';
import { ContributionYearNotCovered, InvalidQuoteInput } from './policy.errors';
import { RESIDENT_CATEGORIES, type ResidentCategory } from './resident-category';

const taibai2021 = validatePolicyDocument(taibai2021Document, 'taibai-lake-2021.json');
const taibai2022 = validatePolicyDocument(taibai2022Document, 'taibai-lake-2022.json');
const shizhong2020 = validatePolicyDocument(shizhong2020Document, 'shizhong-zaozhuang-2020.json');
const shizhong2021 = validatePolicyDocument(shizhong2021Document, 'shizhong-zaozhuang-2021.json');
const policies = [taibai2021, taibai2022, shizhong2020, shizhong2021];

const quote = (
  policy: Policy,
  category: ResidentCategory,
  birthDate: string,
  year = Number(policy.version),
) => quoteContribution(policy, { year, category, birthDate });

/** Shizhong 2021 with another individual share, to try the rules on every amount. */
function withIndividual(policy: Policy, individualFen: Fen): Policy {
  return {
    ...policy,
    contributions: {
      ...policy.contributions,
      individualFen: { ...policy.contributions.individualFen, value: individualFen },
    },
  };
}

const categories = fc.constantFrom(...RESIDENT_CATEGORIES);
const birthDates = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2021-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const individuals = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n as Fen);

describe('quoteContribution', () => {
  it('Taibai Lake 2022: a general resident pays 320 yuan, the state adds 610', () => {
    expect(quote(taibai2022, 'general', '1985-04-02')).toEqual({
      individualFen: 32_000,
      subsidyFen: 61_000,
      payableFen: 32_000,
      waivedFen: 0,
      policyVersion: policyVersionId(taibai2022),
    });
    expect(policyVersionId(taibai2022)).toMatch(/^taibai-lake@2022#[0-9a-f]{12}$/);
  });

  it.each(['rural-two-daughter', 'rural-single-daughter', 'extreme-poverty'] as const)(
    'Taibai Lake 2022: the state pays the whole individual share of the %s group (seed 000)',
    (category) => {
      expect(quote(taibai2022, category, '1985-04-02')).toMatchObject({
        payableFen: 0,
        waivedFen: 32_000,
      });
    },
  );

  it('Taibai Lake 2022: parents of rural single-daughter households have their own waiver', () => {
    const waived = taibai2022.contributions.categoryWaivers.value.map((w) => w.category);
    expect(waived).toContain('rural-single-daughter');
    expect(quote(taibai2022, 'rural-single-daughter', '1970-03-03').payableFen).toBe(0);
    expect(quote(taibai2022, 'general', '1970-03-03').payableFen).toBe(32_000);
  });

  it('Taibai Lake 2022: the elderly waiver checks the age its policy names, not the category', () => {
    expect(quote(taibai2022, 'elderly', '1985-04-02')).toMatchObject({ payableFen: 32_000 });
    expect(quote(taibai2022, 'elderly', '1952-01-02')).toMatchObject({ payableFen: 32_000 });
    expect(quote(taibai2022, 'elderly', '1952-01-01')).toMatchObject({ payableFen: 0 });
    expect(quote(taibai2022, 'general', '1940-06-06')).toMatchObject({
      payableFen: 0,
      waivedFen: 32_000,
    });
  });

  it('Taibai Lake 2021 quotes cite the 2021 version', () => {
    expect(quote(taibai2021, 'general', '1985-04-02').policyVersion).toBe(
      policyVersionId(taibai2021),
    );
  });

  it('Shizhong 2021: subsidy 550; 60-69 pay half, 70 and older nothing, by age on 1 January', () => {
    expect(quote(shizhong2021, 'general', '1961-01-01')).toMatchObject({
      subsidyFen: 55_000,
      payableFen: 16_000,
    });
    expect(quote(shizhong2021, 'general', '1961-01-02')).toMatchObject({
      payableFen: 32_000,
      waivedFen: 0,
    });
    expect(quote(shizhong2021, 'general', '1951-01-01')).toMatchObject({
      payableFen: 0,
      waivedFen: 32_000,
    });
    expect(quote(shizhong2021, 'general', '1951-01-02')).toMatchObject({
      payableFen: 16_000,
      waivedFen: 16_000,
    });
    expect(quote(shizhong2021, 'general', '1930-02-28')).toMatchObject({ payableFen: 0 });
  });

  it('Shizhong 2021: extreme poverty pays nothing at any age', () => {
    expect(quote(shizhong2021, 'extreme-poverty', '1990-05-05')).toMatchObject({ payableFen: 0 });
  });

  it('Shizhong 2020: subsidy 520, no age waiver yet', () => {
    expect(quote(shizhong2020, 'general', '1940-01-01')).toMatchObject({
      subsidyFen: 52_000,
      waivedFen: 0,
    });
  });

  it('measures age on asOf when a caller passes it', () => {
    const request: ContributionRequest = {
      year: 2021,
      category: 'general',
      birthDate: '1961-06-01',
      asOf: '2021-06-01',
    };
    expect(quoteContribution(shizhong2021, request).payableFen).toBe(16_000);
    expect(quote(shizhong2021, 'general', '1961-06-01').payableFen).toBe(32_000);
  });

  it('a child born during the year is quoted as age 0', () => {
    expect(quote(shizhong2021, 'minor', '2021-08-08').payableFen).toBe(32_000);
  });

  it('prices a later year by a version carried forward, never an earlier one', () => {
    expect(quote(taibai2022, 'general', '1985-04-02', 2026).individualFen).toBe(32_000);
    expect(() => quote(taibai2022, 'general', '1985-04-02', 2021)).toThrow(
      ContributionYearNotCovered,
    );
  });

  it('refuses bad input, naming the field', () => {
    expect(() => quote(taibai2022, 'general', '1985-02-30')).toThrow(InvalidQuoteInput);
    expect(() => quote(taibai2022, 'general', '2023-01-01')).toThrow('birthDate must not be after');
    expect(() => quote(taibai2022, 'vip' as ResidentCategory, '1985-04-02')).toThrow('category');
    expect(() =>
      quoteContribution(taibai2022, { year: 2022.5, category: 'general', birthDate: '1985-04-02' }),
    ).toThrow('year');
  });

  describe('properties', () => {
    it('payable + waived = individual, all whole non-negative fen, on every real policy', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...policies),
          categories,
          birthDates,
          (policy, category, birthDate) => {
            const year = Number(policy.version);
            if (birthDate > `${year}-12-31`) return true;
            const q = quote(policy, category, birthDate, year);
            return (
              [q.individualFen, q.subsidyFen, q.payableFen, q.waivedFen].every(
                (n) => Number.isSafeInteger(n) && n >= 0,
              ) && q.payableFen + q.waivedFen === q.individualFen
            );
          },
        ),
      );
    });

    it('Shizhong 2021: 70 and older pay 0 whatever the individual share', () => {
      fc.assert(
        fc.property(
          individuals,
          categories,
          fc.integer({ min: 70, max: 120 }),
          (individual, category, age) => {
            const q = quote(
              withIndividual(shizhong2021, individual),
              category,
              `${2021 - age}-01-01`,
            );
            return q.payableFen === 0 && q.waivedFen === individual;
          },
        ),
      );
    });

    it('Shizhong 2021: 60-69 pay half, rounded by the one rule', () => {
      fc.assert(
        fc.property(individuals, fc.integer({ min: 60, max: 69 }), (individual, age) => {
          const q = quote(
            withIndividual(shizhong2021, individual),
            'general',
            `${2021 - age}-01-01`,
          );
          return (
            q.waivedFen === applyShare(individual, 5000 as Bps) &&
            q.payableFen === individual - q.waivedFen
          );
        }),
      );
    });

    it('Shizhong 2021: a general resident under 60 pays it all', () => {
      fc.assert(
        fc.property(individuals, fc.integer({ min: 0, max: 59 }), (individual, age) => {
          return (
            quote(withIndividual(shizhong2021, individual), 'general', `${2021 - age}-01-01`)
              .payableFen === individual
          );
        }),
      );
    });

    it('a waiver never grows with fewer grounds: any category pays no more than general', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...policies),
          categories,
          birthDates,
          (policy, category, birthDate) => {
            const year = Number(policy.version);
            if (birthDate > `${year}-12-31`) return true;
            return (
              quote(policy, category, birthDate, year).payableFen <=
              quote(policy, 'general', birthDate, year).payableFen
            );
          },
        ),
      );
    });
  });
});
