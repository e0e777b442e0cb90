import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore } from '@circle/event-store';
import type { CoverageSettings } from '../coverage.config';
import { currentGeography, sqlOf } from '../geography/geography-store';
import { ImportGeographyHandler } from '../import-geography/import-geography.handler';

/**
 * Loads the demo district's synthetic communities and roads as the region's first geography,
 * as an import would (checked, stored by hash, `coverage.GeographyImported`). A region that has
 * a geography already keeps it: an admin's import is never undone by seeding again.
 */
export async function seedDemoGeography(
  databaseUrl: string,
  settings: CoverageSettings,
): Promise<string | undefined> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const store = new EventStore(pool);
    if ((await currentGeography(store, settings.region)).geography) return undefined;
    const read = (name: string): unknown =>
      JSON.parse(readFileSync(join(settings.demoGeographyDir, name), 'utf8'));
    const imports = new ImportGeographyHandler({ store, sql: sqlOf(pool) }, settings);
    const answer = await imports.importLayers(
      { communities: read('communities.geojson'), roads: read('roads.geojson') },
      {
        principal: { username: 'demo-seed', role: 'admin' },
        correlationId: 'seed-geography',
        idempotency: undefined,
      } as never,
      `demo seed: ${settings.demoGeographyDir}`,
    );
    return answer.body.geographyId;
  } finally {
    await pool.end();
  }
}
