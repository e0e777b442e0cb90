import { invalid } from '@circle/kernel';

/**
 * How a service at the counter ended. `documents-missing` and `referred` came first and stay
 * for the callers that send them; `not-handled` says why in a `reason` from a fixed list, so
 * the day's figures can count the reasons rather than read free text.
 */
export const SERVICE_OUTCOMES = ['done', 'documents-missing', 'referred', 'not-handled'] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];

export const NOT_HANDLED_REASONS = [
  'documents-missing',
  'not-eligible',
  'resident-left',
  'referred',
  'system-unavailable',
  'other',
] as const;
export type NotHandledReason = (typeof NOT_HANDLED_REASONS)[number];

/** What a completed ticket's record is, so the ticket can name it without looking it up. */
export const RECORD_KINDS = [
  'resident',
  'payment',
  'employer',
  'change',
  'filing',
  'qualification',
  'transfer',
  'claim',
  'settlement',
  'certificate',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const NOTE_MAX_LENGTH = 200;

export interface ServiceResult {
  readonly outcome: ServiceOutcome;
  readonly reason?: NotHandledReason;
  /** The clerk's words; needed when the reason is `other`, which says nothing by itself. */
  readonly note?: string;
  readonly recordId?: string;
  readonly recordKind?: RecordKind;
}

/** The fields that belong together: a reason only for not-handled, a kind only with its record. */
export function checkServiceResult(result: ServiceResult): ServiceResult {
  const note = result.note?.trim() || undefined;
  if (result.outcome === 'not-handled' && !result.reason)
    throw invalid('reason', 'is required when the outcome is not-handled');
  if (result.outcome !== 'not-handled' && result.reason)
    throw invalid('reason', 'is given only when the outcome is not-handled');
  if (note && result.outcome !== 'not-handled')
    throw invalid('note', 'is given only when the outcome is not-handled');
  if (result.reason === 'other' && !note)
    throw invalid('note', 'is required when the reason is other');
  if (result.recordKind && !result.recordId)
    throw invalid('recordId', 'is required when recordKind is given');
  return {
    outcome: result.outcome,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(note ? { note } : {}),
    ...(result.recordId ? { recordId: result.recordId } : {}),
    ...(result.recordKind ? { recordKind: result.recordKind } : {}),
  };
}
