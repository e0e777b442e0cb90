import { DomainError, invalid } from '@circle/kernel';
import { isMobileNumber } from '../domain/phone';

/** A phone number from a query or path: required, and a mainland mobile number. */
export function phoneFrom(raw: string | undefined, field = 'phone'): string {
  const phone = raw?.trim();
  if (!phone) throw invalid(field, 'is required: the mobile number to look up');
  if (!isMobileNumber(phone))
    throw invalid(field, 'must be an 11-digit mobile number starting with 1');
  return phone;
}

export class MessageNotFound extends DomainError {
  constructor(messageId: string) {
    super('not-found', 'message_not_found', `there is no message ${messageId}`);
  }
}
