import type { Pool } from 'pg';
import type { EventStore } from '@circle/event-store';
import type { FeatureCollection } from '../domain/geojson-layers';
import { GeographyImported, GeographyLayer, geographyStreamId } from '../domain/geography.events';

export type ImportedGeography = GeographyImported['data'];

/** Anything that runs SQL: a pool, a client, a projection's transaction. */
export interface Sql {
  query<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** node-postgres answers with a result object; the rest of the code wants the rows. */
export function sqlOf(pool: Pick<Pool, 'query'>): Sql {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await pool.query(text, params as unknown[])).rows as R[],
  };
}

/**
 * Imported layers, stored once under their content hash and never changed: the events name
 * them by hash, so whoever replays an event (a rebuild, a station app starting) reads the
 * very layer the event meant.
 */
export class LayerStore {
  constructor(private readonly sql: Sql) {}

  async save(layer: GeographyLayer, hash: string, features: number, body: unknown): Promise<void> {
    await this.sql.query(
      `INSERT INTO coverage_geography_layer (hash, layer, features, body)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (hash) DO NOTHING`,
      [hash, layer, features, JSON.stringify(body)],
    );
  }

  async load<P>(hash: string): Promise<FeatureCollection<P>> {
    const [row] = await this.sql.query<{ body: FeatureCollection<P> }>(
      'SELECT body FROM coverage_geography_layer WHERE hash = $1',
      [hash],
    );
    if (!row) throw new Error(`geography layer ${hash} is not stored`);
    return row.body;
  }
}

/** The last geography imported for a region, and the version of its stream. */
export async function currentGeography(
  store: EventStore,
  region: string,
): Promise<{ version: number; geography?: ImportedGeography }> {
  const events = await store.readStream(geographyStreamId(region));
  const last = events.at(-1);
  if (!last) return { version: 0 };
  return { version: last.streamVersion, geography: last.data as ImportedGeography };
}
