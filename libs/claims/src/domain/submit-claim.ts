import {
  maskName,
  type HolidayCalendar,
  type InsuredPersonState,
} from '../../../enrollment/src/domain';
import { fen, type Policy } from '../../../policy/src/domain';
import { checkBill, insuredOnRecord, type Bill } from '../../../settlement/src/domain';
import { claimDueBy } from './claim-clock';
import { businessOf, type ClaimKind } from './claim-kind';
import { checkedAttachments, checkedLines, totalsOf } from './claim-lines';
import { fact, type ClaimBill, type ClaimEvent, type ClaimSubmitted } from './claim.events';
import type { ClaimState } from './claim.state';
import { ClaimConflict, ClaimRuleBroken } from './claims.errors';

export interface SubmitClaim {
  readonly kind: 'SubmitClaim';
  readonly claimId: string;
  readonly claimKind: ClaimKind;
  /** Checked and normalised (GB 11643) before the command is built. */
  readonly residentId: string;
  /** `treatmentRegion` null: treated in the person's own region. */
  readonly bill: Omit<ClaimBill, 'treatmentRegion'> & { readonly treatmentRegion: string | null };
  /** As sent: checked here, line by line. */
  readonly lines: unknown;
  readonly attachments: unknown;
  readonly payeeAccount: string | null;
  /** The person's own stream, read just before. */
  readonly person: InsuredPersonState;
  /** In force on the day of treatment: the bill settles by it. */
  readonly treatmentPolicy: Policy;
  /** In force on the day of submission: its time limit starts the claim's clock. */
  readonly submissionPolicy: { readonly policy: Policy; readonly versionId: string };
  readonly calendar: HolidayCalendar;
  readonly stationId: string;
  readonly at: string;
}

/** The bill the calculator settles: the claim's facts and what its lines add up to. */
export function billOfClaim(
  bill: Omit<ClaimBill, 'treatmentRegion' | 'admissionId'>,
  totals: { readonly totalFen: number; readonly inScopeFen: number },
): Bill {
  return {
    date: bill.date,
    scheme: bill.scheme,
    insuredCategory: bill.insuredCategory,
    setting: bill.setting,
    tier: bill.tier,
    totalFen: fen(totals.totalFen),
    inScopeFen: fen(totals.inScopeFen),
    ...(bill.disease === null ? {} : { disease: bill.disease }),
  };
}

/**
 * Maternity costs are the admission for the birth, settled as an inpatient bill at the tier
 * given; the maternity allowance is paid apart and is no part of a claim. Medical assistance
 * reimburses only the categories the policy in force on the day of treatment assists.
 */
function checkKind(command: SubmitClaim, bill: Bill): void {
  if (command.claimKind === 'maternity' && bill.setting !== 'inpatient')
    throw new ClaimRuleBroken(
      'maternity_is_inpatient',
      'setting',
      'must be inpatient: maternity costs settle as an inpatient bill (the allowance is paid apart)',
    );
  const assisted = command.treatmentPolicy.assistance.eligibleCategories.value;
  if (command.claimKind === 'assistance' && !assisted.includes(bill.insuredCategory))
    throw new ClaimRuleBroken(
      'not_assisted',
      'insuredCategory',
      `is not a category medical assistance covers (${assisted.join(', ')})`,
    );
}

function personOnRecord(command: SubmitClaim, bill: Bill) {
  if (!command.person.person)
    throw new ClaimRuleBroken(
      'not_on_record',
      'residentId',
      'is not on record: enrol the person first',
    );
  const region = command.bill.region;
  return insuredOnRecord(
    command.person,
    { ...bill, region },
    command.bill.treatmentRegion ?? region,
  );
}

/**
 * A claim is received with its bill lines and the references of its documents. The person must
 * be on record and insured as billed (scheme, region, category, paid for the year), since the
 * settlement at approval would otherwise pay the wrong funds; the clock starts at receipt.
 */
export function submitClaim(command: SubmitClaim, state: ClaimState): ClaimEvent[] {
  if (state.claim) throw new ClaimConflict('claim_exists', `claim ${command.claimId} exists`);
  const lines = checkedLines(command.lines);
  const attachments = checkedAttachments(command.attachments);
  const totals = totalsOf(lines);
  const bill = billOfClaim(command.bill, totals);
  checkBill(bill);
  const { person } = personOnRecord(command, bill);
  checkKind(command, bill);
  const { policy, versionId } = command.submissionPolicy;
  return [
    fact<ClaimSubmitted>('claims.ClaimSubmitted', {
      claimId: command.claimId,
      residentId: command.residentId,
      stationId: command.stationId,
      at: command.at,
      kind: command.claimKind,
      business: businessOf(command.claimKind),
      maskedName: maskName(person.name),
      ...command.bill,
      treatmentRegion: command.bill.treatmentRegion ?? command.bill.region,
      lines,
      attachments,
      payeeAccount: command.payeeAccount,
      ...totals,
      timeLimit: policy.sla.manualReimbursement.value,
      policyVersion: versionId,
      dueBy: claimDueBy(command.at, policy.sla.manualReimbursement.value, command.calendar),
    }),
  ];
}
