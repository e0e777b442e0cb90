import type { Station } from '../../../stations/src/domain/station.state';

export interface StationView {
  readonly stationId: string;
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string;
  readonly tier?: number;
  readonly businesses: readonly string[];
  readonly location: object;
  readonly openingHours: readonly object[];
  readonly fairnessRatio: number;
  readonly counters: readonly object[];
}

export function stationView(station: Station): StationView {
  return { ...station };
}
