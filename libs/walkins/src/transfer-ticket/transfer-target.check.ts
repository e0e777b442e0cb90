import { CounterNotFound } from '../../../stations/src/domain/station.errors';
import { Station, findCounter } from '../../../stations/src/domain/station.state';
import { TransferRefused } from '../domain/station-queue.errors';
import type { TransferTarget } from '../domain/transfer';
import type { StationReferral } from '../stations/station-referral';

/** Refuses a destination that cannot take the resident, before anything is written. */
export async function checkTransferTarget(
  target: TransferTarget,
  destination: Station,
  district: readonly Station[],
  referral: StationReferral,
): Promise<void> {
  if (!destination.businesses.includes(target.business))
    throw await referral.wrongStation(target.business, destination, district);
  if (!target.counterId) return;
  const counter = findCounter(destination, target.counterId);
  if (!counter) throw new CounterNotFound(destination.stationId, target.counterId);
  if (!counter.skills.includes(target.business))
    throw new TransferRefused(
      'toCounterId',
      `names counter ${target.counterId}, which is not skilled for ${target.business}`,
    );
}
