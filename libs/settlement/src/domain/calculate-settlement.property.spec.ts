import fc from 'fast-check';
import { RESIDENT_CATEGORIES, type Fen } from '../../../policy/src/domain';
import { policyOn } from '../testing/given-bill';
import { addTotals, subtractTotals, type BenefitYearTotals } from './benefit-year-totals';
import { SCHEMES, SETTINGS, type Bill, type PersonStanding } from './bill';
import { calculateSettlement, type SettlementInput } from './calculate-settlement';

const DAYS = [
  ['taibai-lake', '2021-07-01'],
  ['taibai-lake', '2022-03-15'],
  ['shizhong-zaozhuang', '2020-08-01'],
  ['shizhong-zaozhuang', '2021-11-30'],
] as const;
const DISEASES = ['hypertension', 'diabetes', 'asthma'];

// Everyday bills and bills large enough to reach every cap.
const money = (max: number): fc.Arbitrary<Fen> =>
  fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max })).map((n) => n as Fen);
const used = money(60_000_000);
const perCode = fc.dictionary(
  fc.constantFrom(...DISEASES),
  money(100_000).filter((n) => n > 0),
);

const bill: fc.Arbitrary<Omit<Bill, 'date'>> = fc
  .record({
    scheme: fc.constantFrom(...SCHEMES),
    insuredCategory: fc.constantFrom(...RESIDENT_CATEGORIES),
    setting: fc.constantFrom(...SETTINGS),
    tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
    inScopeFen: money(40_000_000),
    outOfScopeFen: money(5_000_000),
    disease: fc.constantFrom(...DISEASES),
  })
  .map(({ outOfScopeFen, disease, ...b }) => ({
    ...b,
    totalFen: (b.inScopeFen + outOfScopeFen) as Fen,
    ...(b.setting === 'chronic-outpatient' ? { disease } : {}),
  }));

const standing: fc.Arbitrary<PersonStanding> = fc.record({
  qualifiedDiseases: fc.subarray(DISEASES),
  offsite: fc.constantFrom('home' as const, 'filed' as const, 'unfiled' as const),
});

const totals: fc.Arbitrary<BenefitYearTotals> = fc.record({
  deductiblesFen: used,
  basicFundFen: used,
  criticalIllnessFen: used,
  largeExpenseFen: used,
  assistanceFen: used,
  specificDrugFen: used,
  specificDrugSpendFen: used,
  chronicOutpatientFen: perCode,
  yearlyDeductiblesFen: perCode.map((r) =>
    Object.fromEntries(Object.entries(r).map(([code, n]) => [`chronic:${code}`, n])),
  ),
  outpatientFen: used,
  inScopePersonalBurdenFen: used,
  admissions: fc.integer({ min: 0, max: 20 }),
});

const input: fc.Arbitrary<SettlementInput> = fc
  .record({ day: fc.constantFrom(...DAYS), bill, standing, totals })
  .map(({ day: [region, date], ...rest }) => ({
    ...policyOn(region, date),
    ...rest,
    bill: { ...rest.bill, date },
  }));

const FUND_LAYERS = ['hifp_pay', 'hifmi_pay', 'hifob_pay', 'maf_pay'] as const;

describe('calculateSettlement for any bill', () => {
  it('splits the bill exactly: the funds and the person add up to the total', () => {
    fc.assert(
      fc.property(input, (i) => {
        const b = calculateSettlement(i);
        const funds = FUND_LAYERS.reduce((sum, key) => sum + b[key], 0);
        expect(funds + b.psn_cash_pay).toBe(b.medfee_sumamt);
        expect(b.medfee_sumamt).toBe(i.bill.totalFen);
        expect(b.inscp_scp_amt).toBe(i.bill.inScopeFen);
        expect(funds).toBeLessThanOrEqual(i.bill.inScopeFen);
      }),
    );
  });

  it('has no negative or fractional layer, and a deductible within the in-scope amount', () => {
    fc.assert(
      fc.property(input, (i) => {
        const b = calculateSettlement(i);
        for (const key of [...FUND_LAYERS, 'psn_cash_pay', 'act_pay_dedc'] as const) {
          expect(Number.isSafeInteger(b[key])).toBe(true);
          expect(b[key]).toBeGreaterThanOrEqual(0);
        }
        expect(b.act_pay_dedc).toBeLessThanOrEqual(i.bill.inScopeFen);
        expect(b.psn_cash_pay).toBeGreaterThanOrEqual(i.bill.totalFen - i.bill.inScopeFen);
      }),
    );
  });

  it('explains every fen in its lines: funds by the funds, the rest by the person', () => {
    fc.assert(
      fc.property(input, (i) => {
        const b = calculateSettlement(i);
        const paid = (by: 'fund' | 'person') =>
          b.lines.filter((l) => l.paidBy === by && l.layer !== 'personal');
        expect(paid('fund').reduce((sum, l) => sum + l.amountFen, 0)).toBe(
          b.hifp_pay + b.hifmi_pay + b.hifob_pay + b.maf_pay,
        );
        expect(b.lines.at(-1)).toMatchObject({ layer: 'personal', amountFen: b.psn_cash_pay });
        for (const line of b.lines) {
          expect(line.amountFen).toBeGreaterThanOrEqual(0);
          expect(line.zh.length * line.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('reports the year after it as the year before plus its usage, and back again', () => {
    fc.assert(
      fc.property(input, (i) => {
        const b = calculateSettlement(i);
        expect(b.totalsAfter).toEqual(addTotals(i.totals, b.usage));
        expect(subtractTotals(b.totalsAfter, b.usage)).toEqual(i.totals);
        expect(b.usage.admissions).toBe(i.bill.setting === 'inpatient' ? 1 : 0);
      }),
    );
  });
});
