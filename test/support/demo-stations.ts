import { DEMO_DISTRICT } from '../../libs/stations/src/domain/demo-district';
import { DEFAULT_FAIRNESS_RATIO } from '../../libs/stations/src/domain/demo-station-events';
import { defaultOpeningHours } from '../../libs/stations/src/domain/opening-hours';
import { call } from './http';

/**
 * Puts a demo station's details back as the demo seeds them. A suite that changes a station
 * (the fuzzer renames and moves them at random) leaves the district as later suites expect it.
 */
export async function restoreDemoStation(
  appUrl: string,
  adminToken: string,
  stationId: string,
): Promise<void> {
  const profile = DEMO_DISTRICT.find((s) => s.stationId === stationId);
  if (!profile) throw new Error(`${stationId} is not a demo station`);
  const reply = await call(`${appUrl}/api/stations/${stationId}`, {
    method: 'PATCH',
    token: adminToken,
    body: {
      name: profile.name,
      nameEn: profile.nameEn,
      location: profile.location,
      businesses: profile.businesses,
      openingHours: defaultOpeningHours(profile.kind),
      fairnessRatio: DEFAULT_FAIRNESS_RATIO,
    },
  });
  if (reply.status !== 200)
    throw new Error(`${stationId} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}
