export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/**
 * What went wrong, in business terms. The HTTP edge maps each kind to one status,
 * so domain code never speaks HTTP.
 */
export type DomainErrorKind = 'invalid' | 'rule' | 'not-found' | 'conflict' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export function invalid(field: string, problem: string): DomainError {
  return new DomainError('invalid', 'validation_failed', `${field} ${problem}`, [
    { field, problem },
  ]);
}
