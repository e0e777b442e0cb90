import { DomainError, type FieldProblem } from '@circle/kernel';

/** Fields that break their rules (422); every one of them is named. */
export class InvalidClaimInput extends DomainError {
  constructor(fields: readonly FieldProblem[]) {
    super(
      'invalid',
      'validation_failed',
      fields.map((f) => `${f.field} ${f.problem}`).join('; '),
      fields,
    );
  }
}

export function invalidClaim(field: string, problem: string): InvalidClaimInput {
  return new InvalidClaimInput([{ field, problem }]);
}

/** A business rule refuses the claim as submitted (422); nothing is recorded. */
export class ClaimRuleBroken extends DomainError {
  constructor(code: string, field: string, problem: string) {
    super('rule', code, `${field} ${problem}`, [{ field, problem }]);
  }
}

export class ClaimNotFound extends DomainError {
  constructor(claimId: string) {
    super('not-found', 'not_found', `claim ${claimId} is not on record`);
  }
}

/** The claim is past the step the command belongs to (409). */
export class ClaimConflict extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}
