import { DomainError } from '@circle/kernel';

/** A caller passed parts no identity number can be made from: a programming error, not a typo. */
export class InvalidIdentityInput extends DomainError {
  constructor(problem: string) {
    super('invalid', 'invalid_identity_input', problem);
  }
}
