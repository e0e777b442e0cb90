import { claimBody, dischargeBody, enrolledAndPaidIn2022 } from '../claims/claims-fixtures';
import { call, login } from './http';

/** Apps by name, as the suites start them. */
export interface CircleUrls {
  hall: string;
  township: string;
  hospital: string;
  supervisor: string;
}

/** The station each app serves in these suites, and whose clerk acts there. */
export const HOME_STATION = { hall: 'hall', township: 'town-1', hospital: 'hosp-2' } as const;

/** Real records of the demo district, one of each kind a path can name. */
export interface DistrictRecords {
  residentId: string;
  settlementId: string;
  claimId: string;
  creditCode?: string;
  ticketIds: Record<string, string>;
}

async function created<T>(what: string, reply: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

async function ticketAt(url: string, stationId: string, business: string): Promise<string> {
  const clerk = await login(url, `clerk-${stationId}`);
  const issued = call<{ ticketId: string }>(`${url}/api/stations/${stationId}/tickets`, {
    token: clerk,
    body: { business },
  });
  return (await created(`a ticket at ${stationId}`, issued)).ticketId;
}

/**
 * A resident insured for 2022 (enrolled at the hall), a discharge settled for them at hosp-2, a
 * claim submitted at the hall, and a waiting ticket at each app's home station.
 */
export async function createDistrictRecords(urls: CircleUrls): Promise<DistrictRecords> {
  const hallClerk = await login(urls.hall, 'clerk-hall');
  const residentId = await enrolledAndPaidIn2022(urls.hall, hallClerk);
  const { settlementId } = await created(
    'a settlement at hosp-2',
    call<{ settlementId: string }>(`${urls.hospital}/api/settlements`, {
      token: await login(urls.hospital, 'clerk-hosp-2'),
      body: dischargeBody(residentId, { admissionId: `ZY-${Date.now()}` }),
    }),
  );
  const { claimId } = await created(
    'a claim at the hall',
    call<{ claimId: string }>(`${urls.hall}/api/claims`, {
      token: hallClerk,
      body: claimBody(residentId, { admissionId: `ZY-C${Date.now()}` }),
    }),
  );
  const ticketIds = {
    hall: await ticketAt(urls.hall, 'hall', 'ENROLL_RESIDENT'),
    'town-1': await ticketAt(urls.township, 'town-1', 'ENROLL_RESIDENT'),
    'hosp-2': await ticketAt(urls.hospital, 'hosp-2', 'DISCHARGE_SETTLEMENT'),
  };
  return { residentId, settlementId, claimId, ticketIds };
}
