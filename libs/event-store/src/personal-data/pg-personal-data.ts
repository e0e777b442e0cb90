import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { loadPersonKeyring, type PersonKeyring, type RowQuery } from './person-keyring';
import type { PersonalData } from './personal-data';

/**
 * Person keys in PostgreSQL (`person_keys`), each sealed by the master key so a copy of the
 * table alone opens nothing. Deleting a row erases the person: every copy of their sealed
 * fields, in the log, on Kafka and in backups, stops opening.
 */
export class PgPersonalData implements PersonalData {
  private readonly query: RowQuery;

  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {
    this.query = async (sql, params) => (await this.pool.query(sql, params)).rows;
  }

  async seal(
    personId: string,
    fields: Readonly<Record<string, string | undefined>>,
  ): Promise<Record<string, string | undefined>> {
    return (await this.keyring([personId], { create: true })).seal(personId, fields);
  }

  async open(
    personId: string,
    fields: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, string | undefined>> {
    return (await this.keyring([personId])).open(personId, fields);
  }

  keyring(
    personIds: readonly string[],
    options: { create?: boolean } = {},
  ): Promise<PersonKeyring> {
    return this.keyringWithin(this.query, personIds, options);
  }

  keyringWithin(
    query: RowQuery,
    personIds: readonly string[],
    options: { create?: boolean } = {},
  ): Promise<PersonKeyring> {
    return loadPersonKeyring(query, this.masterKey, personIds, options.create ?? false);
  }

  phoneKeyId(phone: string): string {
    const digest = createHmac('sha256', this.masterKey).update(`phone:${phone}`).digest('hex');
    return `tel-${digest.slice(0, 32)}`;
  }

  async forget(keyIds: readonly string[]): Promise<void> {
    if (keyIds.length === 0) return;
    await this.pool.query('DELETE FROM person_keys WHERE person_id = ANY($1::text[])', [keyIds]);
  }

  async erase(personId: string): Promise<boolean> {
    // A scan of at most a day of kept answers, on a rare admin action.
    await this.pool.query(
      'DELETE FROM idempotency_keys WHERE strpos(response_body::text, $1) > 0',
      [personId],
    );
    const { rowCount } = await this.pool.query('DELETE FROM person_keys WHERE person_id = $1', [
      personId,
    ]);
    // An erased person's id stays listed: a later write about them keeps no personal field
    // rather than making a fresh key, and never falls back to plaintext.
    await this.pool.query(
      'INSERT INTO person_erasures (person_id) VALUES ($1) ON CONFLICT DO NOTHING',
      [personId],
    );
    return (rowCount ?? 0) > 0;
  }
}
