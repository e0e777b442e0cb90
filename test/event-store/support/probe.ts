import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { EventMetadata, LogPosition, NewEvent } from '@circle/event-store';
import { TEST_DATABASE_URL } from '../../support/test-env';

/**
 * Probe events ride on `circle.diagnostics`, a topic of their own, under a type no projection
 * handles, and every stream id carries a per-run suffix: other suites share the database and
 * the broker.
 */
export const PROBE_TYPE = 'diagnostics.RelayProbeRecorded';
export const PROBE_TOPIC = 'circle.diagnostics';

export const META: EventMetadata = { correlationId: 'event-store-test', actor: 'test' };

export function runSuffix(): string {
  return `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function probe(n: number, schemaVersion = 1): NewEvent<{ n: number }> {
  return { type: PROBE_TYPE, schemaVersion, data: { n } };
}

export function probes(from: number, count: number): NewEvent<{ n: number }>[] {
  return Array.from({ length: count }, (_, i) => probe(from + i));
}

export function testPool(max = 10): Pool {
  return new Pool({ connectionString: TEST_DATABASE_URL, max });
}

export async function deleteCheckpoints(pool: Pool, relayNames: readonly string[]): Promise<void> {
  await pool.query('DELETE FROM relay_checkpoint WHERE relay_name = ANY($1)', [relayNames]);
}

/** Where the relay of that name has saved its checkpoint, if it has one. */
export async function readCheckpoint(
  pool: Pool,
  relayName: string,
): Promise<LogPosition | undefined> {
  const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
    'SELECT transaction_id, global_position FROM relay_checkpoint WHERE relay_name = $1',
    [relayName],
  );
  const row = rows[0];
  return (
    row && { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) }
  );
}
