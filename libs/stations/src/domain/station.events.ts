import type { BusinessCode, StationKind } from './business-catalog';
import type { GeoPoint } from './demo-district';
import type { OpeningHours } from './opening-hours';

/** Where a station is; `synthetic` marks the demo district's made-up coordinates. */
export interface StationLocation extends GeoPoint {
  readonly synthetic: boolean;
}

export interface StationRegistered {
  readonly type: 'stations.StationRegistered';
  readonly data: {
    readonly stationId: string;
    readonly kind: StationKind;
    readonly name: string;
    readonly nameEn: string;
    readonly tier?: 1 | 2 | 3;
    readonly location: StationLocation;
    readonly businesses: readonly BusinessCode[];
    readonly openingHours: OpeningHours;
    /** After this many priority calls in a row, the longest-waiting regular ticket goes next. */
    readonly fairnessRatio: number;
  };
}

export interface StationDetailsChanged {
  readonly type: 'stations.StationDetailsChanged';
  readonly data: {
    readonly name?: string;
    readonly nameEn?: string;
    readonly location?: StationLocation;
    readonly businesses?: readonly BusinessCode[];
    readonly openingHours?: OpeningHours;
    readonly fairnessRatio?: number;
  };
}

export interface CounterAdded {
  readonly type: 'stations.CounterAdded';
  readonly data: { readonly counterId: string; readonly skills: readonly BusinessCode[] };
}

export interface CounterSkillsChanged {
  readonly type: 'stations.CounterSkillsChanged';
  readonly data: { readonly counterId: string; readonly skills: readonly BusinessCode[] };
}

export interface CounterRemoved {
  readonly type: 'stations.CounterRemoved';
  readonly data: { readonly counterId: string };
}

/** A clerk took, paused or left a counter. */
export interface CounterOpened {
  readonly type: 'stations.CounterOpened';
  readonly data: { readonly counterId: string; readonly clerk: string };
}

export interface CounterPaused {
  readonly type: 'stations.CounterPaused';
  readonly data: { readonly counterId: string; readonly clerk: string };
}

export interface CounterClosed {
  readonly type: 'stations.CounterClosed';
  readonly data: { readonly counterId: string; readonly clerk: string };
}

export type StationEvent =
  | StationRegistered
  | StationDetailsChanged
  | CounterAdded
  | CounterSkillsChanged
  | CounterRemoved
  | CounterOpened
  | CounterPaused
  | CounterClosed;

export type StationEventType = StationEvent['type'];

export const STATION_EVENT_TYPES: readonly StationEventType[] = [
  'stations.StationRegistered',
  'stations.StationDetailsChanged',
  'stations.CounterAdded',
  'stations.CounterSkillsChanged',
  'stations.CounterRemoved',
  'stations.CounterOpened',
  'stations.CounterPaused',
  'stations.CounterClosed',
];

/** Every station's configuration and counters live in one stream of its own. */
export function stationStreamId(stationId: string): string {
  return `station-${stationId}`;
}
