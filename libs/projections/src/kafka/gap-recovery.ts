import type { Kafka } from 'kafkajs';
import type { Projection } from '../projection';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { renderProgress } from '../rebuild/progress-bar';
import { fetchOffsets } from '../status/topic-offsets';
import { loadCheckpoints, moveCheckpoint } from '../store/checkpoints';
import type { Db } from '../store/database';
import type { RunnerLogger } from './runner-logger';
import { describeGap, gapsOf, type LogGap } from './log-gaps';

const PROGRESS_EVERY_MS = 5_000;

/** Every partition of the projection's topics whose checkpoint Kafka no longer holds. */
export async function findGaps(db: Db, kafka: Kafka, projection: Projection): Promise<LogGap[]> {
  // Checkpoints first: a high watermark read after them is never below one of them by accident.
  const checkpoints = await loadCheckpoints(db, projection.name);
  const admin = kafka.admin();
  try {
    await admin.connect();
    return gapsOf(projection.topics, await fetchOffsets(admin, projection.topics), checkpoints);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Rebuilds the read model from the event store, then moves each gapped checkpoint to the first
 * offset Kafka held before the rebuild began. Sound because every record below that offset was
 * written to Kafka before the rebuild started, so its event was committed and the rebuild
 * applied it; from that offset on Kafka still has every record, and stream positions drop the
 * ones the rebuild already holds. Should retention move on meanwhile, the next assignment finds
 * a gap again and rebuilds again: slower, never wrong.
 */
export async function rebuildAfterGap(
  db: Db,
  kafka: Kafka,
  projection: Projection,
  logger: RunnerLogger,
): Promise<void> {
  const gaps = await findGaps(db, kafka, projection);
  if (gaps.length === 0) return;
  const name = projection.name;
  for (const gap of gaps) logger.error(`projection ${name}: ${describeGap(gap)}`);
  logger.warn(
    `projection ${name}: rebuilding from the event store instead of applying past the gap`,
  );
  let printed = 0;
  const report = await rebuildProjection(db, projection, {
    lanes: 2,
    onProgress: (progress) => {
      if (progress.elapsedMs - printed < PROGRESS_EVERY_MS) return;
      printed = progress.elapsedMs;
      logger.log(`projection ${name} rebuilding: ${renderProgress(progress)}`);
    },
  });
  for (const gap of gaps)
    await moveCheckpoint(db, name, gap.checkpoint, {
      topic: gap.topic,
      partition: gap.partition,
      offset: gap.low,
    });
  logger.warn(
    `projection ${name}: rebuilt from the event store (${report.events} events, ${report.parked} parked); ` +
      `${gaps.map((g) => `${g.topic}/${g.partition}`).join(', ')} resume at the first offset Kafka holds`,
  );
}
