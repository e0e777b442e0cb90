import type { BusinessCode, StationKind } from './business-catalog';
import type { OpeningHours } from './opening-hours';
import type { StationEvent, StationLocation } from './station.events';

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export interface Counter {
  readonly counterId: string;
  readonly skills: readonly BusinessCode[];
  readonly status: CounterStatus;
  /** Who last opened, paused or closed it. */
  readonly clerk?: string;
}

export interface Station {
  readonly stationId: string;
  readonly kind: StationKind;
  readonly name: string;
  readonly nameEn: string;
  readonly tier?: 1 | 2 | 3;
  readonly location: StationLocation;
  readonly businesses: readonly BusinessCode[];
  readonly openingHours: OpeningHours;
  readonly fairnessRatio: number;
  /** In the order they were added. */
  readonly counters: readonly Counter[];
}

/** A station stream folds to nothing until the station is registered. */
export type StationState = Station | null;

export const initialStationState = (): StationState => null;

function withCounter(
  station: Station,
  counterId: string,
  change: (c: Counter) => Counter,
): Station {
  return {
    ...station,
    counters: station.counters.map((c) => (c.counterId === counterId ? change(c) : c)),
  };
}

export function evolveStation(state: StationState, event: StationEvent): StationState {
  if (event.type === 'stations.StationRegistered') return { ...event.data, counters: [] };
  if (!state) return state;
  switch (event.type) {
    case 'stations.StationDetailsChanged':
      return { ...state, ...event.data };
    case 'stations.CounterAdded':
      return {
        ...state,
        counters: [...state.counters, { ...event.data, status: 'closed' }],
      };
    case 'stations.CounterSkillsChanged':
      return withCounter(state, event.data.counterId, (c) => ({ ...c, skills: event.data.skills }));
    case 'stations.CounterRemoved':
      return {
        ...state,
        counters: state.counters.filter((c) => c.counterId !== event.data.counterId),
      };
    case 'stations.CounterOpened':
      return withCounter(state, event.data.counterId, (c) => ({
        ...c,
        status: 'open',
        clerk: event.data.clerk,
      }));
    case 'stations.CounterPaused':
      return withCounter(state, event.data.counterId, (c) => ({
        ...c,
        status: 'paused',
        clerk: event.data.clerk,
      }));
    case 'stations.CounterClosed':
      return withCounter(state, event.data.counterId, (c) => ({
        ...c,
        status: 'closed',
        clerk: event.data.clerk,
      }));
  }
}

export function findCounter(station: Station, counterId: string): Counter | undefined {
  return station.counters.find((c) => c.counterId === counterId);
}

/** Counters that are open and skilled for a business. */
export function openCountersFor(station: Station, business: BusinessCode): readonly Counter[] {
  return station.counters.filter((c) => c.status === 'open' && c.skills.includes(business));
}
