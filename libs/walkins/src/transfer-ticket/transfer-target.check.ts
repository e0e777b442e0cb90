import { CounterNotFound } from '../../../stations/src/domain/station.errors';
import { Station, findCounter } from '../../../stations/src/domain/station.state';
import { BusinessNotHandledHere, nearestStationsFor } from '../domain/nearest-stations';
import { TransferRefused } from '../domain/station-queue.errors';
import type { TransferTarget } from '../domain/transfer';

/** Refuses a destination that cannot take the resident, before anything is written. */
export function checkTransferTarget(
  target: TransferTarget,
  destination: Station,
  district: readonly Station[],
  travelKmh: number,
): void {
  if (!destination.businesses.includes(target.business))
    throw new BusinessNotHandledHere(
      target.business,
      destination.stationId,
      nearestStationsFor(target.business, destination, district, travelKmh),
      travelKmh,
    );
  if (!target.counterId) return;
  const counter = findCounter(destination, target.counterId);
  if (!counter) throw new CounterNotFound(destination.stationId, target.counterId);
  if (!counter.skills.includes(target.business))
    throw new TransferRefused(
      'toCounterId',
      `names counter ${target.counterId}, which is not skilled for ${target.business}`,
    );
}
