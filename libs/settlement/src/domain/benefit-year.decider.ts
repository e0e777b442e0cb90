import type { Policy } from '../../../policy/src/domain';
import { emptyBenefitYearTotals, subtractTotals } from './benefit-year-totals';
import {
  AdmissionAlreadySettled,
  SettlementAlreadyReversed,
  SettlementIdTaken,
  SettlementNotFound,
} from './benefit-year.errors';
import {
  benefitYearFact,
  type BenefitYearEvent,
  type BillSettled,
  type SettlementReversed,
  type SettlementSource,
} from './benefit-year.events';
import {
  evolveBenefitYear,
  initialBenefitYearState,
  standingSettlementOf,
  type BenefitYearState,
} from './benefit-year.state';
import type { Bill, PersonStanding } from './bill';
import { calculateSettlement } from './calculate-settlement';
import type { SettlementBreakdown } from './settlement-breakdown';
import { InvalidSettlementInput } from './settlement.errors';
import { reversedNotice, settledNotice, type PersonToNotify } from './settlement-notice';

export interface SettleBill {
  readonly kind: 'SettleBill';
  readonly settlementId: string;
  readonly residentId: string;
  /** The benefit year of the stream; the bill's date must fall in it. */
  readonly year: number;
  readonly admissionId: string;
  readonly stationId: string;
  readonly at: string;
  readonly source: SettlementSource;
  readonly claimId: string | null;
  readonly bill: Bill;
  readonly standing: PersonStanding;
  /** The version in force on the bill's date, chosen by the caller from the policy book. */
  readonly policy: Policy;
  readonly policyVersion: string;
  readonly person: PersonToNotify;
}

export interface ReverseSettlement {
  readonly kind: 'ReverseSettlement';
  readonly settlementId: string;
  readonly reason: string;
  readonly stationId: string;
  readonly at: string;
  readonly person: PersonToNotify;
}

export type BenefitYearCommand = SettleBill | ReverseSettlement;

const MAX_REASON = 200;

/**
 * One insured person's benefit year (`benefit-year-<ID>-<year>`). Every annual cap is counted
 * here, so two settlements appended at the same expected version can never both spend what is
 * left of one cap: the loser decides again on the winner's totals.
 */
export function decideBenefitYear(
  command: BenefitYearCommand,
  state: BenefitYearState,
): BenefitYearEvent[] {
  switch (command.kind) {
    case 'SettleBill':
      return [settleBill(command, state)];
    case 'ReverseSettlement':
      return [reverseSettlement(command, state)];
  }
}

function settleBill(command: SettleBill, state: BenefitYearState): BillSettled {
  checkSettle(command, state);
  const breakdown = calculateSettlement({ ...command, totals: state.totals });
  return benefitYearFact<BillSettled>('settlement.BillSettled', {
    settlementId: command.settlementId,
    residentId: command.residentId,
    year: command.year,
    admissionId: command.admissionId,
    stationId: command.stationId,
    at: command.at,
    source: command.source,
    claimId: command.claimId,
    bill: command.bill,
    standing: command.standing,
    ...breakdown,
    notice: settledNotice(command.person, command.bill, breakdown),
  });
}

function checkSettle(command: SettleBill, state: BenefitYearState): void {
  if (!command.admissionId.trim()) throw new InvalidSettlementInput('admissionId', 'is required');
  if (command.source === 'claim' && !command.claimId)
    throw new InvalidSettlementInput('claimId', 'is required for a settlement from a claim');
  if (!command.bill.date?.startsWith(`${command.year}-`))
    throw new InvalidSettlementInput('date', `must fall in the benefit year ${command.year}`);
  if (state.settlements[command.settlementId]) throw new SettlementIdTaken(command.settlementId);
  const standing = standingSettlementOf(state, command.admissionId);
  if (standing) throw new AdmissionAlreadySettled(command.admissionId, standing.settlementId);
}

function reverseSettlement(
  command: ReverseSettlement,
  state: BenefitYearState,
): SettlementReversed {
  const reason = command.reason?.trim() ?? '';
  if (reason.length === 0 || reason.length > MAX_REASON)
    throw new InvalidSettlementInput('reason', `must say why, in 1 to ${MAX_REASON} characters`);
  const record = state.settlements[command.settlementId];
  if (!record || state.residentId === null || state.year === null)
    throw new SettlementNotFound(command.settlementId);
  if (record.status === 'reversed') throw new SettlementAlreadyReversed(command.settlementId);
  return benefitYearFact<SettlementReversed>('settlement.SettlementReversed', {
    settlementId: record.settlementId,
    residentId: state.residentId,
    year: state.year,
    admissionId: record.admissionId,
    stationId: command.stationId,
    at: command.at,
    reason,
    usage: record.usage,
    totalsAfter: subtractTotals(state.totals, record.usage),
    notice: reversedNotice(command.person, record.bill, record.figures, reason),
  });
}

/** What a bill would settle at on the year as it stands; the same answer the settlement gives. */
export function quoteBill(
  state: BenefitYearState | undefined,
  input: Pick<SettleBill, 'policy' | 'policyVersion' | 'bill' | 'standing'>,
): SettlementBreakdown {
  return calculateSettlement({ ...input, totals: state?.totals ?? emptyBenefitYearTotals() });
}

export const benefitYearDecider = {
  decide: decideBenefitYear,
  evolve: evolveBenefitYear,
  initialState: initialBenefitYearState,
};
