import {
  INSTITUTION_TIERS,
  isFen,
  isIsoDate,
  isResidentCategory,
} from '../../../policy/src/domain';
import { SCHEMES, SETTINGS, type Bill } from './bill';
import { InvalidSettlementInput } from './settlement.errors';

const oneOf = (values: readonly unknown[], value: unknown): boolean => values.includes(value);

/**
 * Refuses a bill the calculator cannot settle, naming the first field at fault. The HTTP edge
 * checks shapes too; this is the rule itself, so a claim or a script is held to it as well.
 */
export function checkBill(bill: Bill): void {
  if (!isIsoDate(bill.date)) refuse('date', 'must be a real date written YYYY-MM-DD');
  if (!oneOf(SCHEMES, bill.scheme)) refuse('scheme', `must be one of ${SCHEMES.join(', ')}`);
  if (!isResidentCategory(bill.insuredCategory))
    refuse('insuredCategory', 'must be a resident category from CONTRACT.md');
  if (!oneOf(SETTINGS, bill.setting)) refuse('setting', `must be one of ${SETTINGS.join(', ')}`);
  if (!oneOf(INSTITUTION_TIERS, bill.tier)) refuse('tier', 'must be 1, 2 or 3');
  for (const field of ['totalFen', 'inScopeFen'] as const)
    if (!isFen(bill[field])) refuse(field, 'must be a whole number of fen, 0 or more');
  if (bill.inScopeFen > bill.totalFen)
    refuse('inScopeFen', `must not be above totalFen (${bill.totalFen})`);
  if (bill.setting === 'chronic-outpatient' && !bill.disease?.trim())
    refuse('disease', 'is required for chronic-outpatient, e.g. hypertension');
}

function refuse(field: string, problem: string): never {
  throw new InvalidSettlementInput(field, problem);
}
