import type { Pool } from 'pg';
import {
  isSealed,
  newPersonKey,
  open,
  seal,
  unwrapPersonKey,
  wrapPersonKey,
} from './person-key-cipher';
import { ERASED, type PersonalData } from './personal-data';

/**
 * Person keys in PostgreSQL (`person_keys`), each sealed by the master key so a copy of the
 * table alone opens nothing. Deleting a row erases the person: every copy of their sealed
 * fields, in the log, on Kafka and in backups, stops opening.
 */
export class PgPersonalData implements PersonalData {
  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  async seal(
    personId: string,
    fields: Readonly<Record<string, string | undefined>>,
  ): Promise<Record<string, string | undefined>> {
    const key = await this.keyOf(personId, true);
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(fields))
      out[name] = value === undefined ? value : key ? seal(key, personId, value) : ERASED;
    return out;
  }

  async open(
    personId: string,
    fields: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, string | undefined>> {
    const anySealed = Object.values(fields).some(isSealed);
    const key = anySealed ? await this.keyOf(personId, false) : undefined;
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (!isSealed(value)) out[name] = typeof value === 'string' ? value : undefined;
      else out[name] = key ? open(key, personId, value).toString('utf8') : ERASED;
    }
    return out;
  }

  async erase(personId: string): Promise<boolean> {
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

  private async keyOf(personId: string, create: boolean): Promise<Buffer | undefined> {
    if (create)
      await this.pool.query(
        `INSERT INTO person_keys (person_id, wrapped_key)
         SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM person_erasures WHERE person_id = $1)
         ON CONFLICT (person_id) DO NOTHING`,
        [personId, wrapPersonKey(this.masterKey, personId, newPersonKey())],
      );
    const { rows } = await this.pool.query<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM person_keys WHERE person_id = $1',
      [personId],
    );
    const wrapped = rows[0]?.wrapped_key;
    return wrapped === undefined ? undefined : unwrapPersonKey(this.masterKey, personId, wrapped);
  }
}
