import { catalogNames, projectionNamed } from './catalog';
import { cliSettings, projectionArgs } from './cli-settings';
import { ProgressPrinter } from './rebuild/progress-bar';
import { rebuildProjection } from './rebuild/rebuild-projection';
import { createProjectionPool } from './store/database';
import { assertValidProjection } from './table-set';

/** `npm run rebuild -- <projection>`: progress on stderr, the outcome as the last line. */
async function main(): Promise<void> {
  const { name } = projectionArgs(process.argv.slice(2));
  const projection = projectionNamed(name);
  if (!projection)
    throw new Error(`unknown projection ${name}; known: ${catalogNames().join(', ')}`);
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

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
