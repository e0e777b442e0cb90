import { logLevel, type logCreator } from 'kafkajs';
import type { RelayLogger } from './event-publisher';

/*
 * kafkajs warns on every connect that limited retries weaken exactly-once delivery. The relay
 * promises at least once and retries from its checkpoint, and unlimited retries would let a
 * Kafka outage hold shutdown hostage, so that one warning is expected and dropped.
 */
const EXPECTED = 'Limiting retries for the idempotent producer';

/** Sends kafkajs' warnings and errors to the relay's logger instead of the console. */
export function kafkaLogTo(logger: RelayLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      if (log.message.startsWith(EXPECTED)) return;
      const line = `kafka ${namespace}: ${log.message}`;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
    };
}
