import { DomainError } from '@circle/kernel';

/** A bill or command field that breaks its rule; the field is named so the clerk can fix it. */
export class InvalidSettlementInput extends DomainError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super('invalid', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}
