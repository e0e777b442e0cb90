import { DomainError } from '@circle/kernel';
import {
  BUSINESS_CATALOG,
  type BusinessCode,
  type StationKind,
} from '../../../stations/src/domain/business-catalog';
import { DEMO_DISTRICT } from '../../../stations/src/domain/demo-district';

/** The station a command is recorded at, taken from the clerk's token, never from the body. */
export interface ActingStation {
  readonly stationId: string;
  readonly kind: StationKind;
}

const APP_OF: Record<StationKind, string> = {
  hall: 'hall',
  township: 'township',
  village: 'township',
  hospital: 'hospital',
};

function refused(code: string, message: string, details: Record<string, unknown> = {}) {
  return new DomainError('forbidden', code, message, [], details);
}

/** Where a business item may be handled, for the message that sends the resident there. */
export function whereHandled(business: BusinessCode): { stationId: string; app: string }[] {
  const item = BUSINESS_CATALOG.find((i) => i.code === business);
  return DEMO_DISTRICT.filter((s) => item?.kinds.includes(s.kind)).map((s) => ({
    stationId: s.stationId,
    app: APP_OF[s.kind],
  }));
}

/**
 * Checks that the clerk's station may handle this business item (DOMAIN's catalogue) and is one
 * this app serves. A refusal names the stations and apps that can, so nobody is sent away
 * without knowing where to go.
 */
export function actingStation(
  business: BusinessCode,
  stationId: string | undefined,
  servedKinds: readonly StationKind[],
): ActingStation {
  if (!stationId)
    throw refused(
      'clerk_only',
      'business items are recorded by a station clerk; sign in as the clerk of the station',
    );
  const station = DEMO_DISTRICT.find((s) => s.stationId === stationId);
  if (!station) throw refused('unknown_station', `station ${stationId} is not in the district`);
  if (!servedKinds.includes(station.kind))
    throw refused(
      'station_not_served_here',
      `station ${stationId} is served by the ${APP_OF[station.kind]} app`,
    );
  const item = BUSINESS_CATALOG.find((i) => i.code === business);
  if (!item?.kinds.includes(station.kind)) {
    const handledAt = whereHandled(business);
    const apps = [...new Set(handledAt.map((h) => h.app))];
    throw refused(
      'business_not_handled_here',
      `${item?.nameEn ?? business} (${business}) is not handled at ${stationId}; it is handled at ${handledAt
        .map((h) => h.stationId)
        .join(', ')} (on the ${apps.join(' or ')} app)`,
      { business, handledAt },
    );
  }
  return { stationId, kind: station.kind };
}
