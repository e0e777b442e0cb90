import {
  isSealed,
  newPersonKey,
  open,
  seal,
  unwrapPersonKey,
  wrapPersonKey,
} from './person-key-cipher';
import { ERASED } from './erased';

/** Runs one statement and answers its rows: a pool, a client or a projection's transaction. */
export type RowQuery = <R extends Record<string, unknown>>(
  sql: string,
  params: unknown[],
) => Promise<R[]>;

/**
 * A value sealed with a key since deleted and made anew under the same id (a phone's key, after
 * a resident with that number was erased) does not open with the new key: it was erased.
 */
function openOrErased(key: Buffer, personId: string, sealed: string): string {
  try {
    return open(key, personId, sealed).toString('utf8');
  } catch {
    return ERASED;
  }
}

/**
 * The keys of some people, looked up at once: sealing and opening then need no query, so a
 * command seals in its transaction and a projection opens a whole chunk after one lookup.
 */
export class PersonKeyring {
  constructor(private readonly keys: ReadonlyMap<string, Buffer>) {}

  /** Seals each value; an erased person (no key) gets ERASED, never plaintext. */
  seal(
    personId: string,
    fields: Readonly<Record<string, string | undefined>>,
  ): Record<string, string | undefined> {
    const key = this.keys.get(personId);
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(fields))
      out[name] = value === undefined ? value : key ? seal(key, personId, value) : ERASED;
    return out;
  }

  /** Opens each sealed value, ERASED once the key is gone; plaintext is read as it stands. */
  open(
    personId: string,
    fields: Readonly<Record<string, unknown>>,
  ): Record<string, string | undefined> {
    const key = this.keys.get(personId);
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (!isSealed(value)) out[name] = typeof value === 'string' ? value : undefined;
      else out[name] = key ? openOrErased(key, personId, value) : ERASED;
    }
    return out;
  }
}

/**
 * The keys of `personIds` in one statement (two when `create`: a person without a key who was
 * never erased gets a new one first). Each key is stored sealed by the master key.
 */
export async function loadPersonKeyring(
  query: RowQuery,
  masterKey: Buffer,
  personIds: readonly string[],
  create = false,
): Promise<PersonKeyring> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new PersonKeyring(new Map());
  if (create)
    await query(
      `INSERT INTO person_keys (person_id, wrapped_key)
       SELECT id, wrapped FROM unnest($1::text[], $2::text[]) AS k(id, wrapped)
       WHERE NOT EXISTS (SELECT 1 FROM person_erasures WHERE person_id = k.id)
       ORDER BY id
       ON CONFLICT (person_id) DO NOTHING`,
      [ids, ids.map((id) => wrapPersonKey(masterKey, id, newPersonKey()))],
    );
  const rows = await query<{ person_id: string; wrapped_key: string }>(
    'SELECT person_id, wrapped_key FROM person_keys WHERE person_id = ANY($1::text[])',
    [ids],
  );
  return new PersonKeyring(
    new Map(rows.map((r) => [r.person_id, unwrapPersonKey(masterKey, r.person_id, r.wrapped_key)])),
  );
}
