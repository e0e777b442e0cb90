import { Inject, Injectable } from '@nestjs/common';
import { POLICY_BOOK } from '@circle/enrollment';
import type { PolicyBook, PolicyWarning } from '@circle/policy';
import { ClaimNotFound, type Claim } from '../domain';
import type { ClaimRecord } from './claim-record';
import { claimViewOf, type ClaimView } from './claim-view';

export type ClaimAnswer = ClaimView & {
  /** Set when a version used for the claim is carried past its own period. */
  readonly policyWarnings: readonly PolicyWarning[];
};

/** A claim as answered: its view, and whether the policy it used is carried forward. */
@Injectable()
export class ClaimViews {
  constructor(@Inject(POLICY_BOOK) private readonly policies: PolicyBook) {}

  answer(record: ClaimRecord, now: string): ClaimAnswer {
    const view = claimViewOf(record, now);
    const claim = record.state.claim;
    if (!view || !claim) throw new ClaimNotFound(record.events[0]?.data.claimId ?? 'this claim');
    return { ...view, policyWarnings: this.warnings(claim) };
  }

  // The clock's version (day of submission) and the settlement's (day of treatment).
  private warnings(claim: Claim): PolicyWarning[] {
    const days = [claim.submittedAt.slice(0, 10), claim.date];
    const warnings = days.flatMap((day) => this.policies.inForce(claim.region, day).warning ?? []);
    return warnings.filter(
      (w, i) => warnings.findIndex((o) => o.policyVersion === w.policyVersion) === i,
    );
  }
}
