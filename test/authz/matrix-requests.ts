import { claimBody, dischargeBody, lines } from '../claims/claims-fixtures';
import { freshCreditCode, freshResidentId } from '../enrollment/enrollment-fixtures';
import { sampleOf } from '../fuzz/schema-values';
import { Random } from '../fuzz/random';
import type { DistrictRecords } from '../support/district-records';
import type { DocumentedOperation } from '../support/openapi';
import { STATION_OF } from './callers';

const fresh = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const BUSINESS_AT: Record<string, string> = {
  hall: 'ENROLL_RESIDENT',
  'town-1': 'ENROLL_RESIDENT',
  'hosp-2': 'DISCHARGE_SETTLEMENT',
};

/**
 * Bodies a clerk of the station would send, so a caller who may act reaches the handler (whose
 * own checks, such as the station of a ticket or a settlement, must be covered) and a caller
 * who may not is refused for who they are, not for what they sent.
 */
function bodyFor(key: string, records: DistrictRecords, station: string): unknown {
  const { residentId } = records;
  const bodies: Record<string, () => unknown> = {
    'PATCH /api/stations/{stationId}': () => ({}),
    'POST /api/residents': () => ({
      residentId: freshResidentId(),
      name: '王五',
      category: 'general',
      region: 'taibai-lake',
    }),
    'POST /api/contributions/quote': () => ({
      region: 'taibai-lake',
      year: 2022,
      category: 'general',
      birthDate: '1985-04-02',
    }),
    'POST /api/residents/{residentId}/contributions/{year}/payments': () => ({
      amountFen: 1,
      method: 'cash',
    }),
    'PATCH /api/residents/{residentId}': () => ({ phone: '13900000001' }),
    'POST /api/employers': () => ({
      creditCode: freshCreditCode(),
      name: '泰白湖机械厂',
      region: 'taibai-lake',
    }),
    'POST /api/employers/{creditCode}/employees': () => ({
      residentId: freshResidentId(),
      name: '赵六',
      joinedOn: '2022-01-01',
    }),
    'POST /api/employers/{creditCode}/employees/{residentId}/leave': () => ({
      leftOn: '2022-12-31',
    }),
    'POST /api/residents/{residentId}/qualifications': () => ({ disease: 'hypertension' }),
    'POST /api/settlements/quote': () =>
      dischargeBody(residentId, { residentId: undefined, admissionId: undefined }),
    'POST /api/settlements': () => dischargeBody(residentId, { admissionId: `ZY-${fresh()}` }),
    'POST /api/settlements/{settlementId}/reverse': () => ({ reason: '录入错误' }),
    'POST /api/claims': () => claimBody(residentId, { admissionId: `ZY-${fresh()}` }),
    'POST /api/claims/{claimId}/adjust': () => ({ lines, reason: '核减' }),
    'POST /api/claims/{claimId}/reject': () => ({ reason: '发票为复印件' }),
    'POST /api/stations/{stationId}/tickets': () => ({
      business: BUSINESS_AT[station] ?? 'ENROLL_RESIDENT',
    }),
    'POST /api/stations/{stationId}/counters': () => ({
      counterId: `9${Math.floor(Math.random() * 90)}`,
    }),
    'PUT /api/stations/{stationId}/counters/{counterId}/skills': () => ({
      skills: [BUSINESS_AT[station] ?? 'ENROLL_RESIDENT'],
    }),
    'POST /api/auth/login': () => ({ username: 'supervisor', password: 'circle-demo' }),
    'POST /api/users': () => ({
      username: `matrix-${fresh()}`,
      password: 'a-long-password',
      role: 'supervisor',
    }),
    'PUT /api/coverage/geography/{layer}': () => ({}),
  };
  return bodies[key]?.();
}

function pathValues(records: DistrictRecords, station: string): Record<string, string> {
  return {
    stationId: station,
    ticketId: records.ticketIds[station] ?? records.ticketIds.hall ?? '',
    residentId: records.residentId,
    settlementId: records.settlementId,
    claimId: records.claimId,
    counterId: '1',
    year: '2022',
    creditCode: '91370800MA3C5XK42T',
    username: 'nobody-in-the-matrix',
    phone: '13800000000',
    layer: 'roads',
  };
}

/**
 * Removing a counter or changing its skills acts on a counter the matrix made for it: counter 1
 * is the demo's, and the suites after this one call, open and serve at it.
 */
export const MATRIX_COUNTERS = { removed: '88', reskilled: '89' } as const;

function ownRecord(target: DocumentedOperation): Record<string, string> {
  // An erasure reaches the handler for someone not on record (404): the suite's resident and
  // the suites after this one keep their name.
  if (target.path.endsWith('/erasure')) return { residentId: freshResidentId() };
  if (target.method === 'DELETE' && target.path.endsWith('/counters/{counterId}'))
    return { counterId: MATRIX_COUNTERS.removed };
  if (target.path.endsWith('/counters/{counterId}/skills'))
    return { counterId: MATRIX_COUNTERS.reskilled };
  return {};
}

export interface MatrixRequest {
  url: string;
  method: string;
  body?: string;
}

/** The request every caller sends to one operation: the same, but for the token. */
export function matrixRequest(
  target: DocumentedOperation,
  records: DistrictRecords,
): MatrixRequest {
  const station = STATION_OF[target.app];
  const values = { ...pathValues(records, station), ...ownRecord(target) };
  const path = target.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? 'unknown-1'),
  );
  const key = `${target.method} ${target.path}`;
  const schema = target.operation.requestBody?.content['application/json']?.schema;
  let body = bodyFor(key, records, station);
  if (body === undefined && schema)
    body = sampleOf(schema, {
      document: target.document,
      random: new Random(7),
      known: { residentId: [records.residentId], region: ['taibai-lake'] },
    });
  return {
    url: `${target.baseUrl}${path}`,
    method: target.method,
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
