import { DomainError } from '@circle/kernel';
import type { Policy } from '../../../policy/src/domain';
import { fen, given, type Given } from '../testing/given-bill';
import { calculateSettlement } from './calculate-settlement';
import type { SettlementBreakdown } from './settlement-breakdown';
import { InvalidSettlementInput } from './settlement.errors';

const lineOf = (b: SettlementBreakdown, layer: string) => b.lines.find((l) => l.layer === layer);

const shizhongHypertension = (more: Given = {}): Given => ({
  region: 'shizhong-zaozhuang',
  ...more,
  bill: {
    date: '2021-05-10',
    setting: 'chronic-outpatient',
    disease: 'hypertension',
    tier: 1,
    totalFen: fen(20_000),
    inScopeFen: fen(20_000),
    ...more.bill,
  },
  standing: { qualifiedDiseases: ['hypertension'], ...more.standing },
});

describe('calculateSettlement: chronic outpatient', () => {
  it('pays hypertension drugs in Shizhong 2021 with no deductible at 60 % (seed 004)', () => {
    const b = calculateSettlement(given(shizhongHypertension()));
    expect(b).toMatchObject({ act_pay_dedc: 0, hifp_pay: 12_000, psn_cash_pay: 8_000 });
    expect(b.policyVersion).toMatch(/^shizhong-zaozhuang@2021#[0-9a-f]{12}$/);
    expect(b.usage.chronicOutpatientFen).toEqual({ hypertension: 12_000 });
    expect(b.usage.basicFundFen).toBe(12_000);
    expect(b.usage.admissions).toBe(0);
    expect(lineOf(b, 'chronic-outpatient')?.zh).toBe(
      '门诊慢特病（高血压）统筹基金支付 120.00 元：200.00 元 × 60%',
    );
  });

  it('stops at the disease yearly cap', () => {
    const b = calculateSettlement(
      given(
        shizhongHypertension({ totals: { chronicOutpatientFen: { hypertension: fen(25_000) } } }),
      ),
    );
    expect(b.hifp_pay).toBe(5_000);
    expect(lineOf(b, 'chronic-outpatient')?.en).toContain('the yearly limit is reached');
  });

  it('takes a yearly deductible once, where a policy still has one (Shizhong 2020)', () => {
    const first = calculateSettlement(
      given(shizhongHypertension({ bill: { date: '2020-03-01' } })),
    );
    expect(first).toMatchObject({ act_pay_dedc: 20_000, hifp_pay: 0 });
    expect(first.usage.yearlyDeductiblesFen).toEqual({ 'chronic:hypertension': 20_000 });
    const second = calculateSettlement(
      given(shizhongHypertension({ bill: { date: '2020-04-01' }, totals: first.totalsAfter })),
    );
    expect(second).toMatchObject({ act_pay_dedc: 0, hifp_pay: 10_000 });
  });

  it('settles a disease without a qualification as general outpatient, saying why', () => {
    const b = calculateSettlement(
      given(shizhongHypertension({ standing: { qualifiedDiseases: [] } })),
    );
    expect(b.hifp_pay).toBe(10_000);
    expect(b.usage.outpatientFen).toBe(10_000);
    expect(lineOf(b, 'outpatient')?.zh).toContain('您没有高血压门诊慢特病待遇资格');
    expect(lineOf(b, 'outpatient')?.en).toContain('settled as general outpatient');
  });

  it('settles a disease the policy does not list as general outpatient, saying why', () => {
    const b = calculateSettlement(
      given(
        shizhongHypertension({
          bill: { disease: 'asthma' },
          standing: { qualifiedDiseases: ['asthma'] },
        }),
      ),
    );
    expect(lineOf(b, 'outpatient')?.en).toContain('"asthma" is not a chronic disease covered here');
  });

  it('explains a fallback even when the outpatient fund pays nothing', () => {
    const b = calculateSettlement(
      given(
        shizhongHypertension({
          standing: { qualifiedDiseases: [] },
          totals: { outpatientFen: fen(30_000) },
        }),
      ),
    );
    expect(b.hifp_pay).toBe(0);
    expect(lineOf(b, 'outpatient')?.amountFen).toBe(0);
  });
});

describe('calculateSettlement: general outpatient and specific drugs', () => {
  const visit = (more: Given['bill'] = {}): Given['bill'] => ({
    setting: 'outpatient',
    tier: 1,
    totalFen: fen(15_000),
    inScopeFen: fen(15_000),
    ...more,
  });

  it('counts an employee outpatient deductible once a year', () => {
    const first = calculateSettlement(given({ bill: visit({ scheme: 'employee' }) }));
    expect(first).toMatchObject({ act_pay_dedc: 15_000, hifp_pay: 0 });
    const second = calculateSettlement(
      given({
        bill: visit({ scheme: 'employee', inScopeFen: fen(10_000), totalFen: fen(10_000) }),
        totals: first.totalsAfter,
      }),
    );
    expect(second).toMatchObject({ act_pay_dedc: 5_000, hifp_pay: 3_500 });
  });

  it('pays a resident visit at the tier share with no deductible', () => {
    const b = calculateSettlement(given({ bill: visit({ tier: 2 }) }));
    expect(b).toMatchObject({ act_pay_dedc: 0, hifp_pay: 6_000 });
  });

  it('takes the specific-drug threshold over the year, then the share', () => {
    const drugs = {
      setting: 'specific-drug',
      totalFen: fen(2_000_000),
      inScopeFen: fen(2_000_000),
    } as const;
    const first = calculateSettlement(given({ bill: drugs }));
    expect(first).toMatchObject({ act_pay_dedc: 1_500_000, hifp_pay: 400_000 });
    expect(first.usage).toMatchObject({
      specificDrugFen: 400_000,
      basicFundFen: 0,
      specificDrugSpendFen: 2_000_000,
    });
    const second = calculateSettlement(given({ bill: drugs, totals: first.totalsAfter }));
    expect(second).toMatchObject({ act_pay_dedc: 0, hifp_pay: 1_600_000 });
    expect(lineOf(second, 'specific-drug')?.en).toContain('80% of the 20,000.00 yuan');
  });
});

describe('calculateSettlement: employees', () => {
  const employee = (more: Given = {}): Given => ({
    ...more,
    bill: {
      scheme: 'employee',
      tier: 3,
      totalFen: fen(5_000_000),
      inScopeFen: fen(5_000_000),
      ...more.bill,
    },
  });

  it('pays the employee tier figures', () => {
    const b = calculateSettlement(
      given(employee({ bill: { totalFen: fen(1_000_000), inScopeFen: fen(1_000_000) } })),
    );
    expect(b).toMatchObject({
      act_pay_dedc: 80_000,
      hifp_pay: 736_000,
      hifmi_pay: 0,
      hifob_pay: 0,
    });
  });

  it('pays the large-expense subsidy on the burden above its threshold once the basic cap is used', () => {
    const b = calculateSettlement(given(employee({ totals: { basicFundFen: fen(14_000_000) } })));
    expect(b.hifp_pay).toBe(1_000_000);
    // Burden 4,000,000, of which 2,000,000 above the 2,000,000 threshold, at 90 %.
    expect(b.hifob_pay).toBe(1_800_000);
    expect(b.psn_cash_pay).toBe(2_200_000);
    expect(b.usage.largeExpenseFen).toBe(1_800_000);
    expect(lineOf(b, 'large-expense')?.zh).toContain('职工大额医疗费用补助支付 18,000.00 元');
  });

  it('keeps every employee fund layer within the total cap', () => {
    const tight = (p: Policy): Policy => ({
      ...p,
      employee: {
        ...p.employee,
        totalCapFen: { value: fen(15_500_000), source: 'assumption', reason: 'test' },
      },
    });
    const b = calculateSettlement(
      given(employee({ policy: tight, totals: { basicFundFen: fen(14_000_000) } })),
    );
    expect(b.hifp_pay + b.hifob_pay).toBe(1_500_000);
  });
});

describe('calculateSettlement: a bill it cannot settle', () => {
  it.each([
    [{ inScopeFen: fen(3_000_001) }, 'inScopeFen'],
    [{ totalFen: fen(-1) }, 'totalFen'],
    [{ inScopeFen: fen(10.5) }, 'inScopeFen'],
    [{ setting: 'chronic-outpatient' as const }, 'disease'],
    [{ tier: 4 as never }, 'tier'],
    [{ setting: 'dental' as never }, 'setting'],
    [{ date: '2022-02-30' }, 'date'],
  ])('refuses %o naming %s', (bill, field) => {
    const error = (() => {
      const input = given();
      try {
        calculateSettlement({ ...input, bill: { ...input.bill, ...bill } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidSettlementInput);
    expect((error as DomainError).kind).toBe('invalid');
    expect((error as DomainError).fields[0]?.field).toBe(field);
  });
});
