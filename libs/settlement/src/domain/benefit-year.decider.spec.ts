import type { DomainError } from '@circle/kernel';
import { fen, given } from '../testing/given-bill';
import { reverseCommand, run, settleCommand } from '../testing/given-year';
import { emptyBenefitYearTotals } from './benefit-year-totals';
import { quoteBill } from './benefit-year.decider';
import { benefitYearStreamId, isBenefitYearEvent } from './benefit-year.events';
import { initialBenefitYearState } from './benefit-year.state';

function refusal(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the command was accepted');
}

describe('benefit year', () => {
  const example = given();

  it('names its stream by person and year', () => {
    expect(benefitYearStreamId('370811198504021234', 2022)).toBe(
      'benefit-year-370811198504021234-2022',
    );
  });

  it('records a settlement with every layer, the usage and the SMS notice', () => {
    const { events, state } = run([settleCommand(example, 's-1')]);
    expect(events).toHaveLength(1);
    const [settled] = events;
    expect(isBenefitYearEvent(settled!)).toBe(true);
    expect(settled).toMatchObject({
      type: 'settlement.BillSettled',
      schemaVersion: 1,
      data: {
        settlementId: 's-1',
        residentId: '370811198504021234',
        year: 2022,
        admissionId: 'ZY-s-1',
        source: 'hospital',
        claimId: null,
        hifp_pay: 1_920_000,
        psn_cash_pay: 1_080_000,
        policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
        notice: {
          phone: '13800000000',
          maskedName: '张**',
          amountsFen: { totalFen: 3_000_000, fundFen: 1_920_000, personalFen: 1_080_000 },
        },
      },
    });
    if (settled?.type !== 'settlement.BillSettled') throw new Error('expected a settlement');
    expect(settled.data.notice.summary).toContain('住院费用 30,000.00 元已结算');
    expect(state.totals).toEqual(settled.data.totalsAfter);
    expect(state.settlements['s-1']?.status).toBe('settled');
    // Kept in memory between commands: the figures, not the lines that explain them.
    expect(state.settlements['s-1']?.figures).toEqual({
      medfee_sumamt: settled.data.medfee_sumamt,
      inscp_scp_amt: settled.data.inscp_scp_amt,
      act_pay_dedc: settled.data.act_pay_dedc,
      hifp_pay: settled.data.hifp_pay,
      hifmi_pay: settled.data.hifmi_pay,
      hifob_pay: settled.data.hifob_pay,
      maf_pay: settled.data.maf_pay,
      psn_cash_pay: settled.data.psn_cash_pay,
      policyVersion: settled.data.policyVersion,
    });
  });

  it('counts the second admission of the year on what the first used', () => {
    const first = run([settleCommand(example, 's-1')]);
    const big = given({ bill: { totalFen: fen(20_000_000), inScopeFen: fen(20_000_000) } });
    const { events } = run([settleCommand(big, 's-2')], first.state);
    const quote = quoteBill(first.state, big);
    expect(events[0]?.data).toMatchObject({ hifp_pay: quote.hifp_pay, hifmi_pay: quote.hifmi_pay });
    expect(quote.hifmi_pay).toBeGreaterThan(0);
  });

  it('refuses to settle one admission twice', () => {
    const { state } = run([settleCommand(example, 's-1', 'ZY-7')]);
    const error = refusal(() => run([settleCommand(example, 's-2', 'ZY-7')], state));
    expect(error).toMatchObject({ kind: 'conflict', code: 'admission_already_settled' });
    expect(error.fields[0]?.field).toBe('admissionId');
  });

  it('settles an admission again once its settlement is reversed', () => {
    const { state } = run([
      settleCommand(example, 's-1', 'ZY-7'),
      reverseCommand('s-1'),
      settleCommand(example, 's-2', 'ZY-7'),
    ]);
    expect(state.settlements['s-2']?.status).toBe('settled');
    expect(state.totals.admissions).toBe(1);
  });

  it('gives back exactly what a reversed settlement used', () => {
    const { state, events } = run([settleCommand(example, 's-1'), reverseCommand('s-1')]);
    expect(state.totals).toEqual(emptyBenefitYearTotals());
    const reversed = events[1];
    expect(reversed).toMatchObject({
      type: 'settlement.SettlementReversed',
      data: {
        settlementId: 's-1',
        year: 2022,
        admissionId: 'ZY-s-1',
        reason: 'wrong in-scope amount entered',
      },
    });
    if (reversed?.type !== 'settlement.SettlementReversed') throw new Error('expected a reversal');
    expect(reversed.data.usage).toEqual(state.settlements['s-1']?.usage);
    expect(reversed.data.notice.summary).toContain('已撤销');
  });

  it('refuses to reverse a settlement it does not hold, or twice', () => {
    expect(refusal(() => run([reverseCommand('s-9')]))).toMatchObject({ kind: 'not-found' });
    const { state } = run([settleCommand(example, 's-1'), reverseCommand('s-1')]);
    expect(refusal(() => run([reverseCommand('s-1')], state))).toMatchObject({
      kind: 'conflict',
      code: 'settlement_already_reversed',
    });
  });

  it.each(['', '   ', 'x'.repeat(201)])('wants a reason of 1 to 200 characters (%j)', (reason) => {
    const { state } = run([settleCommand(example, 's-1')]);
    const error = refusal(() => run([reverseCommand('s-1', reason)], state));
    expect(error).toMatchObject({ kind: 'invalid' });
    expect(error.fields[0]?.field).toBe('reason');
  });

  it('refuses a bill dated outside the stream year, naming the date', () => {
    const command = { ...settleCommand(example, 's-1'), year: 2023 };
    const error = refusal(() => run([command]));
    expect(error.fields[0]?.field).toBe('date');
  });

  it('quotes a first admission of the year without any state', () => {
    expect(quoteBill(undefined, example)).toEqual(quoteBill(initialBenefitYearState(), example));
    expect(quoteBill(undefined, example).hifp_pay).toBe(1_920_000);
  });
});
