import type { PriorityClass } from './priority-class';

/** The walk-in rules a district may tune; read once at start and passed in. */
export interface WalkinsSettings {
  /** Priority classes honoured at the kiosk; a class left out is served as regular. */
  readonly priorityClasses: readonly PriorityClass[];
  /** Residents this old or older are elderly by their ID's birth date. */
  readonly elderlyAge: number;
  /** How many times a called ticket may be recalled; the next recall marks it a no-show. */
  readonly recallLimit: number;
  /** Completed services per business that the moving average of service time looks at. */
  readonly serviceWindow: number;
  /** The service time assumed for a business before the day has any of its own. */
  readonly defaultServiceMinutes: number;
  /** Straight-line speed for "go to the nearest station" while no road geography is loaded. */
  readonly travelKmh: number;
}

export const DEFAULT_WALKINS_SETTINGS: WalkinsSettings = {
  priorityClasses: ['elderly', 'disabled', 'pregnant', 'veteran'],
  elderlyAge: 70,
  recallLimit: 2,
  serviceWindow: 10,
  defaultServiceMinutes: 6,
  travelKmh: 15,
};
