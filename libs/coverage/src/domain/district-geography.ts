import type { Community } from './community';
import { edgeMinutes } from './edge-minutes';
import { NodeIndex, Snap, leavableBy } from './node-snapping';
import { PathSearch } from './path-search';
import type { RoadNetwork } from './road-network';
import { SpeedTable, TravelMode } from './travel-modes';

/** One mode's view of the network: edge minutes, where places join it, a search to reuse. */
export interface ModeGeography {
  readonly mode: TravelMode;
  readonly edgeMinutes: Float32Array;
  readonly index: NodeIndex;
  readonly accessKmh: number;
  /** Each community's node (-1: no road within reach) and minutes from its centre to it. */
  readonly communityNode: Int32Array;
  readonly communityAccessMinutes: Float64Array;
  readonly search: PathSearch;
}

/**
 * Roads, communities and speeds, prepared once per imported geography and kept: the network,
 * per-mode edge minutes, kdbush indexes and each community's snap. Recomputing coverage after a
 * counter closes then costs only the searches.
 */
export class DistrictGeography {
  private readonly modes = new Map<TravelMode, ModeGeography>();

  constructor(
    readonly network: RoadNetwork,
    readonly communities: readonly Community[],
    readonly speeds: SpeedTable,
  ) {}

  get population(): number {
    return this.communities.reduce((sum, c) => sum + c.population, 0);
  }

  mode(mode: TravelMode): ModeGeography {
    const known = this.modes.get(mode);
    if (known) return known;
    const prepared = this.prepare(mode);
    this.modes.set(mode, prepared);
    return prepared;
  }

  /** Where a place joins the road network in a mode, and the minutes to get there. */
  snap(mode: TravelMode, lon: number, lat: number): Snap & { readonly minutes: number } {
    const m = this.mode(mode);
    const snap = m.index.nearest(lon, lat);
    return { ...snap, minutes: (snap.km / m.accessKmh) * 60 };
  }

  private prepare(mode: TravelMode): ModeGeography {
    const speeds = this.speeds[mode];
    const minutes = edgeMinutes(this.network, speeds);
    const index = new NodeIndex(this.network, leavableBy(this.network, minutes));
    const communityNode = new Int32Array(this.communities.length);
    const communityAccessMinutes = new Float64Array(this.communities.length);
    this.communities.forEach((c, i) => {
      const snap = index.nearest(c.lon, c.lat);
      communityNode[i] = snap.node;
      communityAccessMinutes[i] = (snap.km / speeds.accessKmh) * 60;
    });
    return {
      mode,
      edgeMinutes: minutes,
      index,
      accessKmh: speeds.accessKmh,
      communityNode,
      communityAccessMinutes,
      search: new PathSearch(this.network),
    };
  }
}
