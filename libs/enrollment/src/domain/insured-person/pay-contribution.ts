import { formatYuan, type Fen } from '../../../../policy/src/domain/money';
import { EnrollmentConflict, InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import { notice } from '../notice';
import { coverageActivated } from './enroll-resident';
import {
  fact,
  type ContributionPaid,
  type InsuredPersonEvent,
  type PaymentMethod,
} from './insured-person.events';
import { residentYear, type InsuredPersonState } from './insured-person.state';

export interface PayContribution {
  readonly kind: 'PayContribution';
  readonly year: number;
  readonly amountFen: number;
  readonly method: PaymentMethod;
  /** The bank's or payment app's own reference, when there is one. */
  readonly reference: string | null;
  /** Issued by the caller so the decision stays deterministic. */
  readonly receiptNumber: string;
  readonly stationId: string;
  readonly at: string;
}

/**
 * Records a payment toward the year's assessed share. Part payments are accepted; paying more
 * than is outstanding is refused, since a refund would be a business item of its own.
 */
export function payContribution(
  command: PayContribution,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const { year, amountFen, stationId, at } = command;
  const enrolled = residentYear(state, year);
  if (!state.person || !enrolled) throw new NotOnRecord(`an enrollment for ${year}`);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new InvalidEnrollmentInput('amountFen', 'must be a whole number of fen above 0');
  const outstanding = enrolled.payableFen - enrolled.paidFen;
  if (outstanding <= 0)
    throw new EnrollmentConflict('already_paid', `the ${year} contribution is already paid`);
  if (amountFen > outstanding)
    throw new InvalidEnrollmentInput(
      'amountFen',
      `must not exceed the ${outstanding} fen still to pay for ${year}`,
    );
  const paidFen = enrolled.paidFen + amountFen;
  const residentId = state.person.residentId;
  const paid = fact<ContributionPaid>('enrollment.ContributionPaid', {
    residentId,
    stationId,
    at,
    year,
    receiptNumber: command.receiptNumber,
    method: command.method,
    reference: command.reference,
    amountFen,
    paidFen,
    outstandingFen: outstanding - amountFen,
    notice: notice(
      state.person,
      `已收到您${year}年度医保缴费${formatYuan(amountFen as Fen)}元，收据号${command.receiptNumber}。`,
      { amountFen, paidFen, outstandingFen: outstanding - amountFen },
    ),
  });
  if (paidFen < enrolled.payableFen) return [paid];
  const { region, policyVersion } = enrolled;
  return [
    paid,
    coverageActivated(
      state.person,
      residentId,
      year,
      region,
      policyVersion,
      stationId,
      at,
      paidFen,
    ),
  ];
}
