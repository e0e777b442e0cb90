import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

/**
 * The letter shown before a ticket's number, one per business item. I and O are left out so
 * no one reads them as 1 and 0 on the display board.
 */
export const BUSINESS_LETTERS: Readonly<Record<BusinessCode, string>> = {
  ENROLL_RESIDENT: 'A',
  ENROLL_EMPLOYEE: 'B',
  CHANGE_INFO: 'C',
  COVERAGE_ENQUIRY: 'D',
  OFFSITE_FILING: 'E',
  CHRONIC_QUALIFICATION: 'F',
  MANUAL_REIMBURSEMENT: 'G',
  MATERNITY: 'H',
  ASSISTANCE_REIMBURSEMENT: 'J',
  DISCHARGE_SETTLEMENT: 'K',
  TRANSFER: 'L',
  SPECIFIC_DRUG_APPLICATION: 'M',
  OUTPATIENT_SETTLEMENT: 'N',
};

/** `A012`: the letter of the business and that business's count of the day, three digits or more. */
export function ticketNumber(business: BusinessCode, count: number): string {
  return `${BUSINESS_LETTERS[business]}${String(count).padStart(3, '0')}`;
}
