import type { StationProfile } from './demo-district';
import { defaultOpeningHours } from './opening-hours';
import type { StationEvent } from './station.events';

/** Three priority calls, then the longest-waiting regular ticket: a common hall practice. */
export const DEFAULT_FAIRNESS_RATIO = 3;

/**
 * A demo station as its first events: registered, then counters `1`…`n` each skilled for
 * every item the station handles (CONTRACT), until an admin changes them.
 */
export function demoStationEvents(profile: StationProfile): StationEvent[] {
  return [
    {
      type: 'stations.StationRegistered',
      data: {
        stationId: profile.stationId,
        kind: profile.kind,
        name: profile.name,
        nameEn: profile.nameEn,
        ...(profile.tier ? { tier: profile.tier } : {}),
        location: profile.location,
        businesses: profile.businesses,
        openingHours: defaultOpeningHours(profile.kind),
        fairnessRatio: DEFAULT_FAIRNESS_RATIO,
      },
    },
    ...Array.from({ length: profile.counters }, (_, i): StationEvent => ({
      type: 'stations.CounterAdded',
      data: { counterId: String(i + 1), skills: profile.businesses },
    })),
  ];
}
