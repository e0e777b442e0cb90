import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

export const CLAIM_KINDS = ['manual', 'maternity', 'assistance'] as const;
/** Manual (零星) reimbursement of bills paid out of pocket, maternity costs, medical assistance. */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

const BUSINESS_OF: Readonly<Record<ClaimKind, BusinessCode>> = {
  manual: 'MANUAL_REIMBURSEMENT',
  maternity: 'MATERNITY',
  assistance: 'ASSISTANCE_REIMBURSEMENT',
};

const NAME_OF: Readonly<Record<ClaimKind, string>> = {
  manual: '零星医疗费用报销',
  maternity: '生育医疗费用报销',
  assistance: '医疗救助费用报销',
};

/** The catalogue item a claim is handled as: it decides where it may be handled. */
export function businessOf(kind: ClaimKind): BusinessCode {
  return BUSINESS_OF[kind];
}

/** The item's name as the resident reads it in an SMS. */
export function claimKindName(kind: ClaimKind): string {
  return NAME_OF[kind];
}
