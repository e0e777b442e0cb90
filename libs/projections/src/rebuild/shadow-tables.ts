import type { Projection } from '../projection';
import { queryRows, type DbClient } from '../store/database';
import { OLD_SUFFIX, SHADOW_SUFFIX, liveTableSet, shadowTableSet } from '../table-set';

/**
 * Starts a shadow copy from nothing: empty tables shaped like the live ones (columns, defaults,
 * constraints, indexes) and no stream positions or dead letters. Leftovers of an interrupted
 * rebuild are dropped first, so a rebuild can always simply be run again.
 */
export async function prepareShadow(client: DbClient, projection: Projection): Promise<void> {
  const shadow = shadowTableSet(projection);
  for (const table of projection.tables) {
    await client.query(`DROP TABLE IF EXISTS ${table}${SHADOW_SUFFIX}, ${table}${OLD_SUFFIX}`);
    await client.query(`CREATE TABLE ${shadow.physical(table)} (LIKE ${table} INCLUDING ALL)`);
  }
  await client.query('DELETE FROM projection_stream_position WHERE table_set = $1', [shadow.key]);
  await client.query('DELETE FROM projection_dead_letter WHERE table_set = $1', [shadow.key]);
}

/**
 * Puts the shadow in the live copy's place, inside the caller's transaction (which holds the
 * projection's swap lock). Stream positions move with the tables: the live consumer resumes
 * from its Kafka checkpoint and skips whatever the shadow already applied. Live dead letters
 * still waiting are discarded — the rebuilt model tried those events afresh and holds its own.
 */
export async function swapShadow(client: DbClient, projection: Projection): Promise<void> {
  const live = liveTableSet(projection);
  const shadow = shadowTableSet(projection);
  for (const table of projection.tables) {
    const old = table + OLD_SUFFIX;
    await client.query(`ALTER TABLE ${table} RENAME TO ${old}`);
    await client.query(`ALTER TABLE ${shadow.physical(table)} RENAME TO ${table}`);
    await adoptSequences(client, old, table);
    await client.query(`DROP TABLE ${old}`);
    await renameIndexes(client, table);
  }
  await client.query('DELETE FROM projection_stream_position WHERE table_set = $1', [live.key]);
  await client.query('UPDATE projection_stream_position SET table_set = $1 WHERE table_set = $2', [
    live.key,
    shadow.key,
  ]);
  await client.query(
    `UPDATE projection_dead_letter SET discarded_at = now()
     WHERE table_set = $1 AND replayed_at IS NULL AND discarded_at IS NULL`,
    [live.key],
  );
  await client.query('UPDATE projection_dead_letter SET table_set = $1 WHERE table_set = $2', [
    live.key,
    shadow.key,
  ]);
}

/**
 * A `serial` column's sequence belongs to the old table, yet LIKE copied its default into the
 * shadow; without a new owner, dropping the old table would fail or take the sequence along.
 */
async function adoptSequences(client: DbClient, from: string, to: string): Promise<void> {
  const owned = await queryRows<{ sequence: string; column: string }>(
    client,
    `SELECT s.oid::regclass::text AS sequence, a.attname AS column
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.refobjid = $1::regclass AND d.deptype = 'a'`,
    [from],
  );
  for (const { sequence, column } of owned)
    await client.query(`ALTER SEQUENCE ${sequence} OWNED BY ${to}.${quoteIdent(column)}`);
}

/** LIKE named the shadow's indexes after the shadow; give them the live names back. */
async function renameIndexes(client: DbClient, table: string): Promise<void> {
  const prefix = table + SHADOW_SUFFIX;
  const indexes = await queryRows<{ name: string }>(
    client,
    `SELECT indexname AS name FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = $1 AND starts_with(indexname, $2)`,
    [table, prefix],
  );
  for (const { name } of indexes)
    await client.query(
      `ALTER INDEX ${quoteIdent(name)} RENAME TO ${quoteIdent(table + name.slice(prefix.length))}`,
    );
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
