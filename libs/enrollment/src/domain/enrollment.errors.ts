import { DomainError, type FieldProblem } from '@circle/kernel';

/** A request that breaks a field's rule; the field is named so the clerk knows what to fix. */
export class InvalidEnrollmentInput extends DomainError {
  constructor(field: string, problem: string) {
    super('invalid', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}

/** A business rule refuses the command as asked (422): the record stays as it was. */
export class EnrollmentRuleBroken extends DomainError {
  constructor(code: string, message: string, fields: readonly FieldProblem[] = []) {
    super('rule', code, message, fields);
  }
}

/** The command clashes with what is already recorded (409). */
export class EnrollmentConflict extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

export class NotOnRecord extends DomainError {
  constructor(what: string) {
    super('not-found', 'not_found', `${what} is not on record`);
  }
}
