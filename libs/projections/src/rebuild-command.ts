import { catalogNames, projectionNamed } from './catalog';
import { cliSettings, projectionArgs } from './cli-settings';
import type { Projection } from './projection';
import { ProgressPrinter } from './rebuild/progress-bar';
import { rebuildProjection } from './rebuild/rebuild-projection';
import { createProjectionPool } from './store/database';
import { assertValidProjection } from './table-set';

/**
 * `npm run rebuild -- <projection>`: progress on stderr, the outcome as the last line. The app
 * that runs the projections passes its own, so business read models are rebuilt by name without
 * this library knowing the business modules.
 */
export async function rebuildFromCommandLine(known: readonly Projection[] = []): Promise<void> {
  const { name } = projectionArgs(process.argv.slice(2));
  const projection = known.find((p) => p.name === name) ?? projectionNamed(name);
  if (!projection) {
    const names = [...known.map((p) => p.name), ...catalogNames()];
    throw new Error(`unknown projection ${name}; known: ${names.join(', ')}`);
  }
  assertValidProjection(projection);
  const db = createProjectionPool(cliSettings(process.env).databaseUrl, `rebuild-${name}`, 5);
  const printer = new ProgressPrinter();
  try {
    const report = await rebuildProjection(db, projection, {
      onProgress: (progress) => printer.update(progress),
    });
    printer.update(
      { done: report.events, total: report.events, elapsedMs: report.elapsedMs },
      true,
    );
    console.error(
      `rebuilt ${name}: ${report.events} events (${report.applied} applied, ${report.parked} parked) ` +
        `in ${(report.elapsedMs / 1000).toFixed(1)} s, ${report.eventsPerSecond} events/s`,
    );
  } finally {
    await db.end();
  }
}

export function exitOnRebuildFailure(error: unknown): never {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
