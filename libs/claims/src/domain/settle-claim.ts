import { notice, type InsuredPersonState } from '../../../enrollment/src/domain';
import { formatYuan, type Fen, type Policy } from '../../../policy/src/domain';
import {
  insuredOnRecord,
  type NationalSettlementFields,
  type PersonToNotify,
  type SettleBill,
  type SettlementOnRecord,
} from '../../../settlement/src/domain';
import { claimKindName } from './claim-kind';
import { isWithinDeadline } from './claim-clock';
import { fact, type ClaimEvent, type ClaimSettled, type PaymentInstructed } from './claim.events';
import type { Claim, ClaimState } from './claim.state';
import { claimOf } from './review-claim';
import { ClaimConflict } from './claims.errors';
import { billOfClaim } from './submit-claim';

/** A settlement of the claim's bill as its benefit year recorded it. */
export interface SettledBill extends NationalSettlementFields {
  readonly settlementId: string;
  readonly policyVersion: string;
}

export interface RecordSettlement {
  readonly kind: 'RecordSettlement';
  readonly claimId: string;
  readonly settled: SettledBill;
  readonly person: PersonToNotify;
  readonly stationId: string;
  readonly at: string;
}

export interface ClaimSettlementTerms {
  readonly settlementId: string;
  readonly person: InsuredPersonState;
  /** The version in force on the day of treatment, and its pinned id. */
  readonly policy: Policy;
  readonly policyVersion: string;
  readonly stationId: string;
  readonly at: string;
}

/** The benefit year's year of a claim: its treatment date's. */
export function benefitYearOf(claim: Pick<Claim, 'date'>): number {
  return Number(claim.date.slice(0, 4));
}

/**
 * The approved bill as a settlement on the person's benefit year, through the same calculator
 * as a discharge. The claim id is the admission id, so the year holds at most one standing
 * settlement per claim, and a second attempt finds the first instead of paying twice.
 */
export function settleBillOf(claim: Claim, terms: ClaimSettlementTerms): SettleBill {
  const bill = billOfClaim(claim, claim);
  const onRecord = insuredOnRecord(
    terms.person,
    { ...bill, region: claim.region },
    claim.treatmentRegion,
  );
  return {
    kind: 'SettleBill',
    settlementId: terms.settlementId,
    residentId: claim.residentId,
    year: benefitYearOf(claim),
    admissionId: claim.claimId,
    stationId: terms.stationId,
    at: terms.at,
    source: 'claim',
    claimId: claim.claimId,
    bill,
    standing: onRecord.standing,
    policy: terms.policy,
    policyVersion: terms.policyVersion,
    person: { phone: onRecord.person.phone, name: onRecord.person.name },
  };
}

/** A settlement the year already holds for this claim, as the claim records it. */
export function settledBillOf(
  record: Pick<SettlementOnRecord, 'settlementId' | 'figures'>,
): SettledBill {
  const b = record.figures;
  return {
    settlementId: record.settlementId,
    policyVersion: b.policyVersion,
    medfee_sumamt: b.medfee_sumamt,
    inscp_scp_amt: b.inscp_scp_amt,
    act_pay_dedc: b.act_pay_dedc,
    hifp_pay: b.hifp_pay,
    hifmi_pay: b.hifmi_pay,
    hifob_pay: b.hifob_pay,
    maf_pay: b.maf_pay,
    psn_cash_pay: b.psn_cash_pay,
  };
}

function settledNotice(
  claim: Claim,
  settled: SettledBill,
  fundFen: number,
  person: PersonToNotify,
) {
  const y = (amount: number) => formatYuan(amount as Fen);
  const where = claim.payeeAccount ? '您提供的银行账户' : '您社保卡的银行账户';
  const summary =
    `您的${claimKindName(claim.kind)}申请（受理号${claim.claimId}）已审核结算：` +
    `医疗费用${y(settled.medfee_sumamt)}元，基金支付${y(fundFen)}元，` +
    `个人负担${y(settled.psn_cash_pay)}元；基金支付部分将转入${where}。`;
  return notice(person, summary, {
    totalFen: settled.medfee_sumamt,
    fundFen,
    personalFen: settled.psn_cash_pay,
  });
}

/**
 * Completes an approved claim with its settlement: the claim is settled and the funds' share is
 * instructed for payment to the person. Nothing is instructed when the funds pay nothing.
 */
export function recordSettlement(command: RecordSettlement, state: ClaimState): ClaimEvent[] {
  const claim = claimOf(state, command.claimId);
  if (claim.status !== 'approved')
    throw new ClaimConflict(
      claim.status === 'settled' || claim.status === 'rejected'
        ? 'claim_decided'
        : 'claim_not_approved',
      `claim ${claim.claimId} is ${claim.status}; only an approved claim is settled`,
    );
  const { settled, at, stationId } = command;
  if (settled.medfee_sumamt !== claim.totalFen)
    throw new ClaimConflict(
      'settlement_does_not_match',
      `settlement ${settled.settlementId} is for ${settled.medfee_sumamt} fen, the claim for ${claim.totalFen}`,
    );
  const fundFen = settled.medfee_sumamt - settled.psn_cash_pay;
  const recorded = { claimId: claim.claimId, residentId: claim.residentId, stationId, at };
  const events: ClaimEvent[] = [
    fact<ClaimSettled>('claims.ClaimSettled', {
      ...recorded,
      ...settled,
      fundFen,
      dueBy: claim.dueBy,
      withinDeadline: isWithinDeadline(claim.dueBy, at),
      notice: settledNotice(claim, settled, fundFen, command.person),
    }),
  ];
  if (fundFen > 0)
    events.push(
      fact<PaymentInstructed>('claims.PaymentInstructed', {
        ...recorded,
        settlementId: settled.settlementId,
        payee: { residentId: claim.residentId, name: command.person.name },
        payeeAccount: claim.payeeAccount,
        amountFen: fundFen,
      }),
    );
  return events;
}
