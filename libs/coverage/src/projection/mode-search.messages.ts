import type { Community } from '../domain/community';
import type { RoadNetwork } from '../domain/road-network';
import type { SpeedTable, TravelMode } from '../domain/travel-modes';

/** What the projection asks of a mode's search thread. */
export type ToSearchThread =
  | {
      readonly kind: 'load';
      readonly id: number;
      /** Arrays on shared memory: every thread reads the one network. */
      readonly network: RoadNetwork;
      readonly communities: readonly Community[];
      readonly speeds: SpeedTable;
      readonly mode: TravelMode;
    }
  | {
      readonly kind: 'search';
      readonly id: number;
      readonly mode: TravelMode;
      /** Every station of the sets once, as flat arrays: cloning objects cost more than a search. */
      readonly stations: StationList;
      /** Each set as its stations' places in `stations`. */
      readonly sets: readonly Int32Array[];
    };

export interface StationList {
  readonly ids: readonly string[];
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

/** Its answers: per set, in the order asked, each community's minutes (handed over, not copied). */
export type FromSearchThread =
  | { readonly kind: 'loaded'; readonly id: number }
  | { readonly kind: 'found'; readonly id: number; readonly minutes: Float64Array[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
