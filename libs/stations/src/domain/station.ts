import { BusinessCode, businessesFor } from './business-catalog';
import { openingHoursProblem } from './opening-hours';
import {
  CounterAlreadyExists,
  CounterNotFound,
  CounterStillOpen,
  StationNotFound,
  StationRuleBroken,
} from './station.errors';
import type { StationDetailsChanged, StationEvent, StationRegistered } from './station.events';
import { CounterStatus, Station, StationState, findCounter } from './station.state';

export type StationCommand =
  | { readonly kind: 'register'; readonly station: StationRegistered['data'] }
  | { readonly kind: 'change-details'; readonly changes: StationDetailsChanged['data'] }
  | {
      readonly kind: 'add-counter';
      readonly counterId: string;
      readonly skills: readonly BusinessCode[];
    }
  | {
      readonly kind: 'change-skills';
      readonly counterId: string;
      readonly skills: readonly BusinessCode[];
    }
  | { readonly kind: 'remove-counter'; readonly counterId: string }
  | {
      readonly kind: 'set-counter-status';
      readonly counterId: string;
      readonly status: CounterStatus;
      readonly clerk: string;
    };

const COUNTER_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const MAX_FAIRNESS_RATIO = 20;

const STATUS_EVENT = {
  open: 'stations.CounterOpened',
  paused: 'stations.CounterPaused',
  closed: 'stations.CounterClosed',
} as const;

/** The events a command on one station's stream produces; throws when a rule forbids it. */
export function decideStation(
  stationId: string,
  command: StationCommand,
  state: StationState,
): StationEvent[] {
  if (command.kind === 'register')
    return state ? [] : [{ type: 'stations.StationRegistered', data: command.station }];
  if (!state) throw new StationNotFound(stationId);
  switch (command.kind) {
    case 'change-details':
      return decideDetails(state, command.changes);
    case 'add-counter':
      if (!COUNTER_ID.test(command.counterId))
        throw new StationRuleBroken('counterId', 'is 1-20 letters, digits or dashes');
      if (findCounter(state, command.counterId))
        throw new CounterAlreadyExists(state.stationId, command.counterId);
      return [
        {
          type: 'stations.CounterAdded',
          data: { counterId: command.counterId, skills: skillsFor(state, command.skills) },
        },
      ];
    case 'change-skills':
      counterOf(state, command.counterId);
      return [
        {
          type: 'stations.CounterSkillsChanged',
          data: { counterId: command.counterId, skills: skillsFor(state, command.skills) },
        },
      ];
    case 'remove-counter':
      if (counterOf(state, command.counterId).status !== 'closed')
        throw new CounterStillOpen(command.counterId);
      return [{ type: 'stations.CounterRemoved', data: { counterId: command.counterId } }];
    case 'set-counter-status': {
      const counter = counterOf(state, command.counterId);
      // Repeating a state is harmless: a clerk who presses "open" twice changes nothing.
      if (counter.status === command.status) return [];
      return [
        {
          type: STATUS_EVENT[command.status],
          data: { counterId: command.counterId, clerk: command.clerk },
        },
      ];
    }
  }
}

function counterOf(station: Station, counterId: string) {
  const counter = findCounter(station, counterId);
  if (!counter) throw new CounterNotFound(station.stationId, counterId);
  return counter;
}

function skillsFor(station: Station, skills: readonly BusinessCode[]): BusinessCode[] {
  const unknown = skills.filter((s) => !station.businesses.includes(s));
  if (unknown.length > 0)
    throw new StationRuleBroken(
      'skills',
      `names ${unknown.join(', ')}, which station ${station.stationId} does not handle`,
    );
  return [...new Set(skills)];
}

function decideDetails(station: Station, changes: StationDetailsChanged['data']): StationEvent[] {
  if (changes.openingHours) {
    const problem = openingHoursProblem(changes.openingHours);
    if (problem) throw new StationRuleBroken('openingHours', problem);
  }
  if (changes.fairnessRatio !== undefined) {
    const ratio = changes.fairnessRatio;
    if (!Number.isInteger(ratio) || ratio < 1 || ratio > MAX_FAIRNESS_RATIO)
      throw new StationRuleBroken(
        'fairnessRatio',
        `is a whole number from 1 to ${MAX_FAIRNESS_RATIO}`,
      );
  }
  if (changes.businesses) {
    const allowed = businessesFor(station.kind);
    const foreign = changes.businesses.filter((b) => !allowed.includes(b));
    if (foreign.length > 0)
      throw new StationRuleBroken(
        'businesses',
        `names ${foreign.join(', ')}, which a ${station.kind} station may not handle`,
      );
    const stranded = station.counters.flatMap((c) =>
      c.skills.filter((s) => !changes.businesses?.includes(s)).map((s) => `${c.counterId}:${s}`),
    );
    if (stranded.length > 0)
      throw new StationRuleBroken(
        'businesses',
        `leaves counters skilled for items the station would no longer handle (${stranded.join(', ')}); change their skills first`,
      );
  }
  return Object.keys(changes).length === 0
    ? []
    : [{ type: 'stations.StationDetailsChanged', data: changes }];
}
