import type { AppName } from '../support/test-env';
import { CALLERS } from './callers';
import type { Expected } from './matrix-check';

export interface Row {
  readonly apps: readonly AppName[];
  readonly operation: string;
  readonly expected: readonly Expected[];
}

function row(apps: string, operation: string, cells: string): Row {
  const expected = cells.trim().split(/\s+/) as Expected[];
  if (expected.length !== CALLERS.length) throw new Error(`${operation}: ${expected.length} cells`);
  return { apps: apps.split(' ') as AppName[], operation, expected };
}

/**
 * Every operation of every app × every caller. The station is the app's own (hall, town-1,
 * hosp-2; the hall on supervisor); the records are the suite's: a resident enrolled at the hall,
 * a claim submitted there, a discharge settled at hosp-2, a waiting ticket at each station.
 * `ok` is let through (the answer may still refuse what was sent: 404, 409, 422), `404` is
 * refused as if the record did not exist. A route missing here fails the suite: add its row.
 *
 * Columns: anonymous, forged signature, alg none, expired, clerk of the station, clerk of
 * another station (town-1 on hall and supervisor, town-2 on township, hosp-1 on hospital),
 * kiosk of the station, supervisor, admin.
 */
// prettier-ignore
export const MATRIX: readonly Row[] = [
  row('supervisor', 'GET /api/audit', '401 401 401 401 403 403 403 ok  ok'),
  row('hall township hospital supervisor', 'POST /api/auth/login', 'ok  ok  ok  ok  ok  ok  ok  ok  ok'),
  row('hall', 'GET /api/claims', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall', 'POST /api/claims', '401 401 401 401 ok  403 403 403 403'),
  row('hall', 'GET /api/claims/{claimId}', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall', 'POST /api/claims/{claimId}/adjust', '401 401 401 401 ok  403 403 403 403'),
  row('hall', 'POST /api/claims/{claimId}/approve', '401 401 401 401 ok  403 403 403 403'),
  row('hall', 'POST /api/claims/{claimId}/reject', '401 401 401 401 ok  403 403 403 403'),
  row('supervisor', 'GET /api/claims/overdue', '401 401 401 401 403 403 403 ok  ok'),
  row('hall township hospital', 'POST /api/certificates/verify', 'ok  ok  ok  ok  ok  ok  ok  ok  ok'),
  row('hall township hospital', 'POST /api/contributions/quote', '401 401 401 401 ok  ok  403 403 ok'),
  row('supervisor', 'GET /api/coverage', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/coverage/communities', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/coverage/geography', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/coverage/geography/{layer}', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'PUT /api/coverage/geography/{layer}', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'GET /api/coverage/siting', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/coverage/summary', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/dashboard/events', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/dashboard/stations', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/dashboard/stations/{stationId}', '401 401 401 401 403 403 403 ok  ok'),
  row('hall', 'POST /api/employers', '401 401 401 401 ok  403 403 403 403'),
  row('township', 'POST /api/employers', '401 401 401 401 ok  ok  403 403 403'),
  row('hospital', 'POST /api/employers', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'GET /api/employers/{creditCode}', '401 401 401 401 ok  403 403 ok  ok'),
  row('township', 'GET /api/employers/{creditCode}', '401 401 401 401 ok  ok  403 ok  ok'),
  row('hospital', 'GET /api/employers/{creditCode}', '401 401 401 401 403 403 403 ok  ok'),
  row('hall township hospital', 'POST /api/employers/{creditCode}/employees', '401 401 401 401 ok  ok  403 403 ok'),
  row('hall township hospital', 'POST /api/employers/{creditCode}/employees/{residentId}/leave', '401 401 401 401 ok  ok  403 403 ok'),
  row('hall township hospital', 'GET /api/people', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/policies/carried-forward', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/projections', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'POST /api/projections/{name}/dead-letters/replay', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'GET /api/projections/dead-letters', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'POST /api/projections/dead-letters/{id}/replay', '401 401 401 401 403 403 403 403 ok'),
  row('hall', 'GET /api/qualifications/open', '401 401 401 401 ok  403 403 ok  ok'),
  row('township hospital', 'GET /api/qualifications/open', '401 401 401 401 ok  ok  403 ok  ok'),
  row('supervisor', 'GET /api/qualifications/overdue', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/reports/monthly', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/reports/monthly.csv', '401 401 401 401 403 403 403 ok  ok'),
  row('hall', 'POST /api/residents', '401 401 401 401 ok  403 403 403 403'),
  row('township', 'POST /api/residents', '401 401 401 401 ok  ok  403 403 403'),
  row('hospital', 'POST /api/residents', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'PATCH /api/residents/{residentId}', '401 401 401 401 ok  403 403 403 403'),
  row('township', 'PATCH /api/residents/{residentId}', '401 401 401 401 ok  ok  403 403 403'),
  row('hospital', 'PATCH /api/residents/{residentId}', '401 401 401 401 403 403 403 403 403'),
  row('hall township hospital supervisor', 'GET /api/residents/{residentId}/benefit-year', '401 401 401 401 ok  ok  403 ok  ok'),
  row('hall', 'GET /api/residents/{residentId}/certificate', '401 401 401 401 ok  403 403 403 403'),
  row('township', 'GET /api/residents/{residentId}/certificate', '401 401 401 401 ok  ok  403 403 403'),
  row('hospital', 'GET /api/residents/{residentId}/certificate', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'GET /api/residents/{residentId}/changes', '401 401 401 401 ok  403 403 ok  ok'),
  row('township', 'GET /api/residents/{residentId}/changes', '401 401 401 401 ok  ok  403 ok  ok'),
  row('hospital', 'GET /api/residents/{residentId}/changes', '401 401 401 401 403 403 403 ok  ok'),
  row('hall', 'POST /api/residents/{residentId}/contributions/{year}/payments', '401 401 401 401 ok  403 403 403 403'),
  row('township', 'POST /api/residents/{residentId}/contributions/{year}/payments', '401 401 401 401 ok  ok  403 403 403'),
  row('hospital', 'POST /api/residents/{residentId}/contributions/{year}/payments', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'GET /api/residents/{residentId}/coverage', '401 401 401 401 ok  403 403 ok  ok'),
  row('township', 'GET /api/residents/{residentId}/coverage', '401 401 401 401 ok  ok  403 ok  ok'),
  row('hospital', 'GET /api/residents/{residentId}/coverage', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/residents/{residentId}/coverage', '401 401 401 401 403 403 403 ok  ok'),
  row('hall', 'POST /api/residents/{residentId}/erasure', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital', 'POST /api/residents/{residentId}/filings', '401 401 401 401 ok  ok  403 403 ok'),
  row('hall', 'POST /api/residents/{residentId}/qualifications', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/qualifications', '401 401 401 401 ok  ok  403 403 403'),
  row('hall', 'POST /api/residents/{residentId}/qualifications/{qualificationId}/approve', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/qualifications/{qualificationId}/approve', '401 401 401 401 ok  ok  403 403 403'),
  row('hall', 'POST /api/residents/{residentId}/qualifications/{qualificationId}/reject', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/qualifications/{qualificationId}/reject', '401 401 401 401 ok  ok  403 403 403'),
  row('hall', 'POST /api/residents/{residentId}/transfers', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/transfers', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'POST /api/residents/{residentId}/transfers/{transferId}/complete', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/transfers/{transferId}/complete', '401 401 401 401 403 403 403 403 403'),
  row('hall', 'POST /api/residents/{residentId}/transfers/{transferId}/refuse', '401 401 401 401 ok  403 403 403 403'),
  row('township hospital', 'POST /api/residents/{residentId}/transfers/{transferId}/refuse', '401 401 401 401 403 403 403 403 403'),
  row('hall township', 'POST /api/settlements', '401 401 401 401 403 403 403 403 403'),
  row('hospital', 'POST /api/settlements', '401 401 401 401 ok  ok  403 403 403'),
  row('hall township', 'GET /api/settlements/{settlementId}', '401 401 401 401 404 404 403 ok  ok'),
  row('hospital', 'GET /api/settlements/{settlementId}', '401 401 401 401 ok  404 403 ok  ok'),
  row('hall township', 'POST /api/settlements/{settlementId}/reverse', '401 401 401 401 404 404 403 403 403'),
  row('hospital', 'POST /api/settlements/{settlementId}/reverse', '401 401 401 401 ok  404 403 403 ok'),
  row('hall township hospital', 'POST /api/settlements/quote', '401 401 401 401 ok  ok  403 403 ok'),
  row('supervisor', 'POST /api/sms/callbacks/{provider}', 'ok  ok  ok  ok  ok  ok  ok  ok  ok'),
  row('supervisor', 'GET /api/sms/messages', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/sms/messages/{messageId}', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/sms/outbox', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/sms/queues', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'GET /api/sms/queues/{queue}/jobs', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'DELETE /api/sms/queues/{queue}/jobs/{jobId}', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'POST /api/sms/queues/{queue}/jobs/{jobId}/retry', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'GET /api/sms/recipients/{phone}', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'PATCH /api/sms/recipients/{phone}', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'GET /api/stations', '401 401 401 401 ok  ok  403 ok  ok'),
  row('hall township hospital', 'GET /api/stations/{stationId}', '401 401 401 401 ok  403 ok  ok  ok'),
  row('hall township hospital', 'PATCH /api/stations/{stationId}', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital supervisor', 'GET /api/stations/{stationId}/counters', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/counters', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital', 'DELETE /api/stations/{stationId}/counters/{counterId}', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/counters/{counterId}/call-next', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'GET /api/stations/{stationId}/counters/{counterId}/history', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/counters/{counterId}/close', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/counters/{counterId}/open', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/counters/{counterId}/pause', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'PUT /api/stations/{stationId}/counters/{counterId}/skills', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital supervisor', 'GET /api/stations/{stationId}/events', '401 401 401 401 ok  403 ok  ok  ok'),
  row('hall township hospital supervisor', 'GET /api/stations/{stationId}/events/stream', '401 401 401 401 ok  403 ok  ok  ok'),
  row('hall township hospital supervisor', 'GET /api/stations/{stationId}/queue', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall township hospital', 'POST /api/stations/{stationId}/tickets', '401 401 401 401 ok  403 ok  403 ok'),
  row('supervisor', 'GET /api/stations/{stationId}/today', '401 401 401 401 ok  403 403 ok  ok'),
  row('supervisor', 'GET /api/stations/{stationId}/today/clerks', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall township hospital', 'GET /api/tickets/{ticketId}', '401 401 401 401 ok  403 403 ok  ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/cancel', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/complete', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/no-show', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/recall', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/start', '401 401 401 401 ok  403 403 403 ok'),
  row('hall township hospital', 'POST /api/tickets/{ticketId}/transfer', '401 401 401 401 ok  403 403 403 ok'),
  row('hall', 'GET /api/transfers/open', '401 401 401 401 ok  403 403 ok  ok'),
  row('township hospital', 'GET /api/transfers/open', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/transfers/overdue', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'GET /api/users', '401 401 401 401 403 403 403 ok  ok'),
  row('supervisor', 'POST /api/users', '401 401 401 401 403 403 403 403 ok'),
  row('supervisor', 'POST /api/users/{username}/revoke-tokens', '401 401 401 401 403 403 403 403 ok'),
  row('hall township hospital supervisor notifier', 'GET /health', 'ok  ok  ok  ok  ok  ok  ok  ok  ok'),
];

export function rowFor(app: AppName, operation: string): Row | undefined {
  return MATRIX.find((r) => r.operation === operation && r.apps.includes(app));
}
