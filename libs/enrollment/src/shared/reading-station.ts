import type { Principal } from '@circle/platform';
import type { BusinessCode } from '@circle/stations';
import { actingStation } from '../domain/acting-station';
import type { ServedStationKinds } from './served-stations';

/** Supervisors and admins read everywhere; a clerk reads where their station handles the item. */
export function assertMayRead(
  principal: Principal,
  business: BusinessCode,
  served: ServedStationKinds,
): void {
  if (principal.role === 'clerk') actingStation(business, principal.stationId, served);
}
