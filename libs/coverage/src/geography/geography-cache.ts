import { DistrictGeography } from '../domain/district-geography';
import {
  CommunityProperties,
  RoadProperties,
  communitiesOf,
  roadLinesOf,
} from '../domain/geojson-layers';
import { roadNetworkOf } from '../domain/road-network';
import type { SpeedTable } from '../domain/travel-modes';
import { LayerStore, Sql } from './geography-store';

export interface GeographyRef {
  readonly geographyId: string;
  readonly communities: { readonly hash: string };
  readonly roads: { readonly hash: string };
}

/**
 * Prepared geographies by id. Building the graph and the kdbush indexes is the costly part of
 * a recompute, and a geography never changes under its id, so it is done once per process.
 * Only the latest is kept: a district has one geography in force.
 */
export class GeographyCache {
  private kept?: { id: string; geography: Promise<DistrictGeography> };

  constructor(private readonly speeds: SpeedTable) {}

  get(ref: GeographyRef, sql: Sql): Promise<DistrictGeography> {
    if (this.kept?.id === ref.geographyId) return this.kept.geography;
    const geography = this.load(ref, new LayerStore(sql));
    this.kept = { id: ref.geographyId, geography };
    geography.catch(() => {
      if (this.kept?.geography === geography) this.kept = undefined;
    });
    return geography;
  }

  private async load(ref: GeographyRef, layers: LayerStore): Promise<DistrictGeography> {
    const [communities, roads] = await Promise.all([
      layers.load<CommunityProperties>(ref.communities.hash),
      layers.load<RoadProperties>(ref.roads.hash),
    ]);
    return new DistrictGeography(
      roadNetworkOf(roadLinesOf(roads)),
      communitiesOf(communities),
      this.speeds,
    );
  }
}
