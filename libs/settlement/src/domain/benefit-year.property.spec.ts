import fc from 'fast-check';
import type { Fen, Policy } from '../../../policy/src/domain';
import { policyOn } from '../testing/given-bill';
import { reverseCommand, run, settleCommand } from '../testing/given-year';
import { addTotals, emptyBenefitYearTotals, type BenefitYearTotals } from './benefit-year-totals';
import { quoteBill } from './benefit-year.decider';
import type { BillSettled } from './benefit-year.events';
import type { BenefitYearState } from './benefit-year.state';
import { SETTINGS, type Bill, type Scheme } from './bill';
import type { SettlementInput } from './calculate-settlement';
import type { SettlementBreakdown } from './settlement-breakdown';

const DISEASES = ['hypertension', 'diabetes'];

type Step =
  | { readonly kind: 'settle'; readonly bill: Omit<Bill, 'date' | 'scheme' | 'insuredCategory'> }
  | { readonly kind: 'reverse'; readonly pick: number };

// Large bills, so that a handful of admissions runs through every cap.
const amount = fc
  .oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 30_000_000 }))
  .map((n) => n as Fen);

const settle: fc.Arbitrary<Step> = fc
  .record({
    setting: fc.constantFrom(...SETTINGS, 'inpatient'),
    tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
    inScopeFen: amount,
    outOfScopeFen: amount,
    disease: fc.constantFrom(...DISEASES),
  })
  .map(({ outOfScopeFen, ...b }) => ({
    kind: 'settle' as const,
    bill: { ...b, totalFen: (b.inScopeFen + outOfScopeFen) as Fen },
  }));

const reverse: fc.Arbitrary<Step> = fc.nat().map((pick) => ({ kind: 'reverse' as const, pick }));

const year = fc.record({
  date: fc.constantFrom('2021-06-30', '2022-06-30'),
  scheme: fc.constantFrom<Scheme>('resident', 'employee'),
  insuredCategory: fc.constantFrom(
    'general' as const,
    'extreme-poverty' as const,
    'low-income' as const,
  ),
  steps: fc.array(fc.oneof({ weight: 3, arbitrary: settle }, { weight: 1, arbitrary: reverse }), {
    maxLength: 30,
  }),
});

function expectWithinCaps(t: BenefitYearTotals, policy: Policy, scheme: Scheme): void {
  const basicCap =
    scheme === 'resident' ? policy.inpatient.annualBasicCapFen : policy.employee.basicCapFen;
  expect(t.basicFundFen).toBeLessThanOrEqual(basicCap.value);
  expect(t.criticalIllnessFen).toBeLessThanOrEqual(policy.criticalIllness.annualCapFen.value);
  expect(t.largeExpenseFen).toBeLessThanOrEqual(policy.employee.largeExpenseCapFen.value);
  expect(t.assistanceFen).toBeLessThanOrEqual(policy.assistance.annualCapFen.value);
  expect(t.specificDrugFen).toBeLessThanOrEqual(policy.specificDrugs.annualCapFen.value);
  expect(t.outpatientFen).toBeLessThanOrEqual(policy.outpatient[scheme].annualCapFen.value);
  for (const disease of policy.chronicOutpatient.diseases)
    expect(t.chronicOutpatientFen[disease.code] ?? 0).toBeLessThanOrEqual(
      disease.annualCapFen?.value ?? Number.MAX_SAFE_INTEGER,
    );
  if (scheme === 'employee')
    expect(t.basicFundFen + t.specificDrugFen + t.largeExpenseFen).toBeLessThanOrEqual(
      policy.employee.totalCapFen.value,
    );
}

/** What the settled event says, in the shape a quote answers. */
function breakdownOf({ data }: BillSettled): SettlementBreakdown {
  const { medfee_sumamt, inscp_scp_amt, act_pay_dedc, hifp_pay, hifmi_pay, hifob_pay } = data;
  const { maf_pay, psn_cash_pay, policyVersion, lines, usage, totalsAfter } = data;
  return {
    ...{ medfee_sumamt, inscp_scp_amt, act_pay_dedc, hifp_pay, hifmi_pay, hifob_pay },
    ...{ maf_pay, psn_cash_pay, policyVersion, lines, usage, totalsAfter },
  };
}

const standingUsage = (state: BenefitYearState): BenefitYearTotals =>
  Object.values(state.settlements)
    .filter((s) => s.status === 'settled')
    .reduce((sum, s) => addTotals(sum, s.usage), emptyBenefitYearTotals());

describe('a benefit year under any sequence of settlements and reversals', () => {
  it('never passes an annual cap, quotes what it settles and gives back exactly', () => {
    fc.assert(
      fc.property(year, ({ date, scheme, insuredCategory, steps }) => {
        const inForce = policyOn('taibai-lake', date);
        let state = run([]).state;
        steps.forEach((step, n) => {
          if (step.kind === 'reverse') {
            const open = Object.values(state.settlements).filter((s) => s.status === 'settled');
            if (open.length === 0) return;
            state = run([reverseCommand(open[step.pick % open.length]!.settlementId)], state).state;
          } else {
            const input: SettlementInput = {
              ...inForce,
              bill: { ...step.bill, date, scheme, insuredCategory },
              standing: { qualifiedDiseases: DISEASES.slice(0, n % 3), offsite: 'home' },
              totals: state.totals,
            };
            const quote = quoteBill(state, input);
            const settled = run([settleCommand(input, `s-${n}`)], state);
            expect(breakdownOf(settled.events[0] as BillSettled)).toEqual(quote);
            state = settled.state;
          }
          expectWithinCaps(state.totals, inForce.policy, scheme);
          expect(state.totals).toEqual(standingUsage(state));
        });
      }),
    );
  });

  it('is exactly as before after a settlement and its reversal', () => {
    fc.assert(
      fc.property(year, settle, ({ date, scheme, insuredCategory, steps }, last) => {
        const inForce = policyOn('taibai-lake', date);
        const bills = steps.flatMap((s, n) =>
          s.kind === 'settle'
            ? [
                settleCommand(
                  {
                    ...inForce,
                    bill: { ...s.bill, date, scheme, insuredCategory },
                    standing: { qualifiedDiseases: DISEASES, offsite: 'unfiled' },
                    totals: emptyBenefitYearTotals(),
                  },
                  `s-${n}`,
                ),
              ]
            : [],
        );
        const before = run(bills).state;
        if (last.kind !== 'settle') return;
        const input: SettlementInput = {
          ...inForce,
          bill: { ...last.bill, date, scheme, insuredCategory },
          standing: { qualifiedDiseases: DISEASES, offsite: 'home' },
          totals: before.totals,
        };
        const after = run([settleCommand(input, 'last'), reverseCommand('last')], before).state;
        expect(after.totals).toEqual(before.totals);
      }),
    );
  });
});
