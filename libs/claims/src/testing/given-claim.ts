import { CHINA_HOLIDAYS, type InsuredPersonState } from '../../../enrollment/src/domain';
import {
  enroll,
  fold,
  pay,
  person,
  POLICIES,
  when,
} from '../../../enrollment/src/testing/given-person';
import type { ClaimEvent } from '../domain/claim.events';
import { evolveClaim, initialClaimState, type ClaimState } from '../domain/claim.state';
import { decideClaim, type ClaimCommand } from '../domain/claim.decider';
import type { SubmitClaim } from '../domain/submit-claim';

export const RESIDENT = person('1985-04-02');
export const CLAIM_ID = 'CLM-20220610-0123456789ab';

/** A general resident of Taibai Lake, enrolled and paid for 2022. */
export function insuredPerson(overrides: Parameters<typeof enroll>[1] = {}): InsuredPersonState {
  const enrolled = when([], enroll(RESIDENT, overrides));
  const payable = fold(enrolled).residentYears[0]?.payableFen ?? 0;
  return fold(payable > 0 ? [...enrolled, ...when(enrolled, pay(2022, payable))] : enrolled);
}

const submittedOn = (at: string) => POLICIES.inForce('taibai-lake', at.slice(0, 10));

/** A manual reimbursement of a secondary-hospital admission, received on Friday 10 June 2022. */
export function submission(overrides: Partial<SubmitClaim> = {}): SubmitClaim {
  const at = overrides.at ?? '2022-06-10T09:00:00+08:00';
  const inForce = submittedOn(at);
  return {
    kind: 'SubmitClaim',
    claimId: CLAIM_ID,
    claimKind: 'manual',
    residentId: RESIDENT.id,
    bill: {
      region: 'taibai-lake',
      date: '2022-06-01',
      scheme: 'resident',
      insuredCategory: 'general',
      setting: 'inpatient',
      tier: 2,
      disease: null,
      treatmentRegion: null,
      admissionId: 'ZY20220601-0007',
    },
    lines: [
      { description: '床位费', totalFen: 400_000, inScopeFen: 400_000 },
      { description: '药品费', totalFen: 2_600_000, inScopeFen: 2_200_000 },
    ],
    attachments: [{ reference: 'SCAN-20220610-01', description: '住院发票' }],
    payeeAccount: null,
    person: insuredPerson(),
    treatmentPolicy: POLICIES.forDate('taibai-lake', '2022-06-01'),
    submissionPolicy: { policy: inForce.policy, versionId: inForce.versionId },
    calendar: CHINA_HOLIDAYS,
    stationId: 'hall',
    at,
    ...overrides,
  };
}

export function foldClaim(events: readonly ClaimEvent[]): ClaimState {
  return events.reduce(evolveClaim, initialClaimState());
}

/** Given these facts, when this command: the events decided. */
export function whenClaim(given: readonly ClaimEvent[], command: ClaimCommand): ClaimEvent[] {
  return decideClaim(command, foldClaim(given));
}

export const review = { claimId: CLAIM_ID, stationId: 'hall', at: '2022-06-14T10:00:00+08:00' };

export { POLICIES };
