import { consumingKafka, eventLogId } from './event-store';
import type { ApplyHooks } from './apply/apply-hooks';
import { catalogNames, projectionNamed } from './catalog';
import { cliSettings, positiveInteger, projectionArgs } from './cli-settings';
import type { RunnerLogger } from './kafka/runner-logger';
import { ProjectionConsumer } from './kafka/projection-consumer';
import { createProjectionPool } from './store/database';
import { assertValidProjection } from './table-set';

const logger: RunnerLogger = {
  log: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

/**
 * Fault injection for the crash tests: SIGKILL leaves no chance to clean up, exactly like a
 * power cut, at the two moments where a naive runner would lose or double an event.
 */
function crashHooks(): ApplyHooks {
  const afterApply = positiveInteger(process.env, 'PROJECTION_CRASH_AFTER_APPLY');
  const afterCommit = positiveInteger(process.env, 'PROJECTION_CRASH_AFTER_COMMIT');
  const kill = () => process.kill(process.pid, 'SIGKILL');
  return {
    // A batch applied at once counts all its events together, so the count may jump past it.
    afterApply: afterApply ? (n) => n >= afterApply && kill() : undefined,
    afterCommit: afterCommit ? (n) => n === afterCommit && kill() : undefined,
  };
}

async function main(): Promise<void> {
  const args = projectionArgs(process.argv.slice(2));
  const projection = projectionNamed(args.name, args.topics);
  if (!projection)
    throw new Error(`unknown projection ${args.name}; known: ${catalogNames().join(', ')}`);
  assertValidProjection(projection);
  const settings = cliSettings(process.env);
  const db = createProjectionPool(settings.databaseUrl, `projection-${projection.name}`, 4);
  let applied = 0;
  const consumer = new ProjectionConsumer(
    projection,
    consumingKafka(settings.kafkaBrokers, `projection-${projection.name}`),
    db,
    {
      logger,
      log: await eventLogId(db),
      hooks: crashHooks(),
      chunkSize: positiveInteger(process.env, 'PROJECTION_CHUNK_SIZE'),
      onJoined: (partitions) =>
        logger.log(
          `projection ${projection.name} consuming ${projection.topics.join(',')} (${partitions} partitions)`,
        ),
      onCommitted: (outcome) => (applied += outcome.applied),
    },
  );
  let reported = 0;
  const meter = setInterval(() => {
    if (applied === reported) return;
    logger.log(`projection ${projection.name}: ${applied} applied (${(applied - reported) / 5}/s)`);
    reported = applied;
  }, 5_000);
  const shutdown = async () => {
    clearInterval(meter);
    await consumer.stop();
    await db.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await consumer.start();
}

main().catch((error: unknown) => {
  console.error(`projection runner failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
