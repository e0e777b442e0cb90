import { fen, given } from '../testing/given-bill';
import { emptyBenefitYearTotals } from './benefit-year-totals';
import { calculateSettlement } from './calculate-settlement';
import type { SettlementBreakdown } from './settlement-breakdown';

const layers = (b: SettlementBreakdown) => b.lines.map((l) => l.layer);
const lineOf = (b: SettlementBreakdown, layer: string) => b.lines.find((l) => l.layer === layer);

describe('calculateSettlement: a resident admission', () => {
  it('settles the seed worked example: 26,000 in scope at a secondary hospital, 2022', () => {
    const b = calculateSettlement(given());
    expect(b).toMatchObject({
      medfee_sumamt: 3_000_000,
      inscp_scp_amt: 2_600_000,
      act_pay_dedc: 40_000,
      hifp_pay: 1_920_000,
      hifmi_pay: 0,
      hifob_pay: 0,
      maf_pay: 0,
      psn_cash_pay: 1_080_000,
      policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
    });
    expect(layers(b)).toEqual(['out-of-scope', 'deductible', 'basic-fund', 'personal']);
    expect(lineOf(b, 'deductible')).toEqual({
      layer: 'deductible',
      amountFen: 40_000,
      paidBy: 'person',
      zh: '起付线：本次住院由您自付 400.00 元',
      en: 'Deductible: you pay the first 400.00 yuan of this admission',
    });
    expect(lineOf(b, 'basic-fund')?.zh).toBe(
      '基本医疗保险统筹基金支付 19,200.00 元：起付线以上的 25,600.00 元 × 75%',
    );
    expect(lineOf(b, 'out-of-scope')?.amountFen).toBe(400_000);
    expect(lineOf(b, 'personal')?.en).toBe('In all, you pay 10,800.00 yuan');
  });

  it('adds the admission to the benefit year', () => {
    const b = calculateSettlement(given());
    expect(b.usage).toEqual({
      ...emptyBenefitYearTotals(),
      deductiblesFen: 40_000,
      basicFundFen: 1_920_000,
      inScopePersonalBurdenFen: 680_000,
      admissions: 1,
    });
    expect(b.totalsAfter).toEqual(b.usage);
  });

  // Seed 000: deductible 100 / 400 / 800 yuan at 85 / 75 / 60 % in 2022, was 200 / 500 / 1,000
  // at 80 / 70 / 55 %. Bill: 12,000 yuan, 10,000 of it in scope.
  it.each([
    ['2022-03-15', 1, 10_000, 841_500],
    ['2022-03-15', 2, 40_000, 720_000],
    ['2022-03-15', 3, 80_000, 552_000],
    ['2021-09-30', 1, 20_000, 784_000],
    ['2021-09-30', 2, 50_000, 665_000],
    ['2021-09-30', 3, 100_000, 495_000],
  ] as const)(
    'on %s at tier %i: deductible %i fen, basic fund %i fen',
    (date, tier, dedc, hifp) => {
      const b = calculateSettlement(
        given({ bill: { date, tier, totalFen: fen(1_200_000), inScopeFen: fen(1_000_000) } }),
      );
      expect(b.act_pay_dedc).toBe(dedc);
      expect(b.hifp_pay).toBe(hifp);
      expect(b.psn_cash_pay).toBe(1_200_000 - hifp);
      expect(b.policyVersion).toMatch(new RegExp(`^taibai-lake@${date.slice(0, 4)}#[0-9a-f]{12}$`));
    },
  );

  it('leaves everything out of scope to the person, with no deductible taken', () => {
    const b = calculateSettlement(given({ bill: { inScopeFen: fen(0), totalFen: fen(500_000) } }));
    expect(b).toMatchObject({ act_pay_dedc: 0, hifp_pay: 0, psn_cash_pay: 500_000 });
    expect(layers(b)).toEqual(['out-of-scope', 'personal']);
    expect(b.usage.admissions).toBe(1);
  });

  it('takes no more deductible than the in-scope amount', () => {
    const b = calculateSettlement(given({ bill: { inScopeFen: fen(25_000) } }));
    expect(b).toMatchObject({ act_pay_dedc: 25_000, hifp_pay: 0 });
  });

  it('pays no more than what is left of the annual basic cap, and says so', () => {
    const b = calculateSettlement(given({ totals: { basicFundFen: fen(14_500_000) } }));
    expect(b.hifp_pay).toBe(500_000);
    expect(lineOf(b, 'basic-fund')?.en).toContain('the yearly limit is reached');
  });

  it('lowers the share of an unfiled admission elsewhere by the policy figure', () => {
    const unfiled = calculateSettlement(given({ standing: { offsite: 'unfiled' } }));
    expect(unfiled.hifp_pay).toBe(1_664_000);
    expect(lineOf(unfiled, 'basic-fund')?.zh).toContain('报销比例降低 10 个百分点');
    expect(calculateSettlement(given({ standing: { offsite: 'filed' } })).hifp_pay).toBe(1_920_000);
  });
});

describe('calculateSettlement: critical-illness insurance', () => {
  it('pays on the part of the year burden above the threshold', () => {
    const b = calculateSettlement(given({ totals: { inScopePersonalBurdenFen: fen(1_400_000) } }));
    // Burden 680,000 brings the year from 1,400,000 to 2,080,000: 580,000 above 1,500,000 at 60 %.
    expect(b.hifmi_pay).toBe(348_000);
    expect(b.usage.criticalIllnessFen).toBe(348_000);
    expect(lineOf(b, 'critical-illness')?.zh).toContain('超过 15,000.00 元的部分，按 60% 报销');
  });

  it('pays each band at its own ratio when a bill crosses a band edge', () => {
    const b = calculateSettlement(given({ totals: { inScopePersonalBurdenFen: fen(9_900_000) } }));
    expect(b.hifmi_pay).toBe(60_000 + 377_000);
    expect(lineOf(b, 'critical-illness')?.en).toContain('60% and 65%');
  });

  it('stops at its annual cap', () => {
    const b = calculateSettlement(
      given({
        totals: {
          inScopePersonalBurdenFen: fen(30_000_000),
          criticalIllnessFen: fen(39_900_000),
        },
      }),
    );
    expect(b.hifmi_pay).toBe(100_000);
    expect(lineOf(b, 'critical-illness')?.en).toContain('yearly limit of 400,000.00 yuan');
  });
});

describe('calculateSettlement: medical assistance', () => {
  it('pays the category share of what the person still bears in scope', () => {
    const b = calculateSettlement(given({ bill: { insuredCategory: 'extreme-poverty' } }));
    expect(b.maf_pay).toBe(612_000);
    expect(b.psn_cash_pay).toBe(3_000_000 - 1_920_000 - 612_000);
    expect(lineOf(b, 'assistance')?.zh).toContain('特困人员救助比例 90%');
  });

  it('pays each eligible category at its own share', () => {
    expect(calculateSettlement(given({ bill: { insuredCategory: 'low-income' } })).maf_pay).toBe(
      476_000,
    );
    expect(calculateSettlement(given({ bill: { insuredCategory: 'general' } })).maf_pay).toBe(0);
  });

  it('stops at its annual cap', () => {
    const b = calculateSettlement(
      given({
        bill: { insuredCategory: 'low-income' },
        totals: { assistanceFen: fen(2_900_000) },
      }),
    );
    expect(b.maf_pay).toBe(100_000);
  });
});
