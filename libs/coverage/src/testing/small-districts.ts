import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { CounterStatus, Station } from '../../../stations/src/domain/station.state';
import { DEFAULT_SPEEDS, ROAD_CLASSES, SpeedTable } from '../domain/travel-modes';

/** Everyone at 6 km/h on every class but the motorway: a km is exactly 10 minutes. */
export const TEN_MINUTES_A_KM: SpeedTable = {
  ...DEFAULT_SPEEDS,
  walking: {
    roads: Object.fromEntries(
      ROAD_CLASSES.map((c) => [c, c === 'motorway' ? 0 : 6]),
    ) as SpeedTable['walking']['roads'],
    accessKmh: 6,
    maxKmh: 6,
  },
};

/** A station for coverage tests: placed, handling `businesses`, with counters as given. */
export function stationAt(
  stationId: string,
  lon: number,
  lat: number,
  counters: readonly { skills: readonly BusinessCode[]; status: CounterStatus }[],
  businesses: readonly BusinessCode[] = [...new Set(counters.flatMap((c) => c.skills))],
): Station {
  return {
    stationId,
    kind: 'township',
    name: stationId,
    nameEn: stationId,
    location: { lon, lat, synthetic: true },
    businesses,
    openingHours: [],
    fairnessRatio: 3,
    counters: counters.map((c, i) => ({ counterId: String(i + 1), ...c })),
  };
}
