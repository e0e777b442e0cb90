import type { DistrictRecords } from '../support/district-records';
import type { AppName } from '../support/test-env';

/** A clerk of another station asking for a record that exists, and for one that does not. */
export interface SameAnswerCase {
  readonly app: AppName;
  readonly method: string;
  readonly path: string;
  readonly as: string;
  readonly existing: string;
  readonly missing: string;
  readonly body?: unknown;
}

const MISSING_SETTLEMENT = 'STL-20220601-0123456789ab';
const MISSING_CLAIM = 'CLM-20220601-0123456789ab';
const MISSING_TICKET = 'hall-20220601-0001';
const MISSING_RESIDENT = '110101198001010000';

export function sameAnswerCases(records: DistrictRecords): SameAnswerCase[] {
  const settlement = { existing: records.settlementId, missing: MISSING_SETTLEMENT };
  const claim = { existing: records.claimId, missing: MISSING_CLAIM };
  const ticket = { existing: records.ticketIds.hall ?? '', missing: MISSING_TICKET };
  const resident = { existing: records.residentId, missing: MISSING_RESIDENT };
  return [
    {
      app: 'hospital',
      method: 'GET',
      path: '/api/settlements/{id}',
      as: 'clerk-hosp-1',
      ...settlement,
    },
    {
      app: 'hospital',
      method: 'POST',
      path: '/api/settlements/{id}/reverse',
      as: 'clerk-hosp-1',
      ...settlement,
      body: { reason: '录入错误' },
    },
    { app: 'hall', method: 'GET', path: '/api/settlements/{id}', as: 'clerk-hall', ...settlement },
    { app: 'hall', method: 'GET', path: '/api/claims/{id}', as: 'clerk-town-1', ...claim },
    { app: 'hall', method: 'POST', path: '/api/claims/{id}/approve', as: 'clerk-town-1', ...claim },
    {
      app: 'hall',
      method: 'POST',
      path: '/api/claims/{id}/reject',
      as: 'clerk-town-1',
      ...claim,
      body: { reason: '发票为复印件' },
    },
    { app: 'hall', method: 'GET', path: '/api/tickets/{id}', as: 'clerk-town-1', ...ticket },
    { app: 'hall', method: 'POST', path: '/api/tickets/{id}/start', as: 'clerk-town-1', ...ticket },
    {
      app: 'hospital',
      method: 'GET',
      path: '/api/residents/{id}/coverage',
      as: 'clerk-hosp-1',
      ...resident,
    },
    {
      app: 'hospital',
      method: 'PATCH',
      path: '/api/residents/{id}',
      as: 'clerk-hosp-1',
      ...resident,
      body: { phone: '13900000001' },
    },
  ];
}

export async function answerOf(base: string, c: SameAnswerCase, id: string, token: string) {
  const response = await fetch(`${base}${c.path.replace('{id}', id)}`, {
    method: c.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(c.body ? { 'content-type': 'application/json' } : {}),
    },
    body: c.body ? JSON.stringify(c.body) : undefined,
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return { status: response.status, error: body.error };
}
