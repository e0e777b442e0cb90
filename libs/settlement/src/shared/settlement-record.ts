import type { PolicyWarning } from '@circle/policy';
import type { BillSettled } from '../domain';
import { quoteOf, type SettlementQuote } from './settlement-answer';

/** A settlement as recorded: who, where, when, the bill and every layer. */
export interface SettlementRecord extends SettlementQuote {
  readonly settlementId: string;
  readonly residentId: string;
  readonly admissionId: string;
  readonly stationId: string;
  readonly source: 'hospital' | 'claim';
  readonly claimId: string | null;
  readonly settledAt: string;
  readonly date: string;
  readonly scheme: string;
  readonly setting: string;
  readonly tier: number;
  readonly status: 'settled' | 'reversed';
  readonly reversal: { readonly at: string; readonly reason: string } | null;
}

export function recordOf(
  settled: BillSettled['data'],
  policyWarning: PolicyWarning | null,
  reversal: SettlementRecord['reversal'] = null,
): SettlementRecord {
  return {
    settlementId: settled.settlementId,
    residentId: settled.residentId,
    admissionId: settled.admissionId,
    stationId: settled.stationId,
    source: settled.source,
    claimId: settled.claimId,
    settledAt: settled.at,
    date: settled.bill.date,
    scheme: settled.bill.scheme,
    setting: settled.bill.setting,
    tier: settled.bill.tier,
    status: reversal ? 'reversed' : 'settled',
    reversal,
    ...quoteOf(settled, policyWarning, 'benefit-year'),
  };
}
