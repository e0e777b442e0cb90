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
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    /** People erased: even a value written before fields were sealed reads as ERASED. */
    private readonly erased: ReadonlySet<string> = new Set(),
  ) {}

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

  /**
   * Opens each sealed value, ERASED once the key is gone; plaintext is read as it stands, unless
   * the person was erased.
   */
  open(
    personId: string,
    fields: Readonly<Record<string, unknown>>,
  ): Record<string, string | undefined> {
    const key = this.keys.get(personId);
    const erased = this.erased.has(personId);
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (erased) out[name] = typeof value === 'string' ? ERASED : undefined;
      else if (!isSealed(value)) out[name] = typeof value === 'string' ? value : undefined;
      else out[name] = key ? openOrErased(key, personId, value) : ERASED;
    }
    return out;
  }
}

/**
 * The keys of `personIds` in one statement. With `create`, a person without a key who was never
 * erased gets a new one, in a second statement and a third only if another writer made it at
 * the same moment: most commands act for someone who has a key already, and the lookup alone
 * spares them a round trip and the wrapping of a key nobody would keep. Each key is stored
 * sealed by the master key.
 */
export async function loadPersonKeyring(
  query: RowQuery,
  masterKey: Buffer,
  personIds: readonly string[],
  create = false,
): Promise<PersonKeyring> {
  const ids = [...new Set(personIds)];
  const keys = new Map<string, Buffer>();
  const erased = new Set<string>();
  const lookUp = async (wanted: readonly string[]) => {
    const rows = await query<{ person_id: string; wrapped_key: string | null }>(
      `SELECT person_id, wrapped_key FROM person_keys WHERE person_id = ANY($1::text[])
       UNION ALL
       SELECT person_id, NULL FROM person_erasures WHERE person_id = ANY($1::text[])`,
      [wanted],
    );
    for (const { person_id: id, wrapped_key: wrapped } of rows)
      if (wrapped === null) erased.add(id);
      else keys.set(id, unwrapPersonKey(masterKey, id, wrapped));
  };
  const missing = () => ids.filter((id) => !keys.has(id) && !erased.has(id));
  if (ids.length > 0) await lookUp(ids);
  if (!create || missing().length === 0) return new PersonKeyring(keys, erased);
  const fresh = new Map(missing().map((id) => [id, newPersonKey()]));
  const made = await query<{ person_id: string }>(
    `INSERT INTO person_keys (person_id, wrapped_key)
     SELECT id, wrapped FROM unnest($1::text[], $2::text[]) AS k(id, wrapped)
     WHERE NOT EXISTS (SELECT 1 FROM person_erasures WHERE person_id = k.id)
     ORDER BY id
     ON CONFLICT (person_id) DO NOTHING
     RETURNING person_id`,
    [[...fresh.keys()], [...fresh].map(([id, key]) => wrapPersonKey(masterKey, id, key))],
  );
  for (const { person_id: id } of made) {
    const key = fresh.get(id);
    if (key) keys.set(id, key);
  }
  // Made by another writer meanwhile, or erased meanwhile: theirs is read back.
  if (missing().length > 0) await lookUp(missing());
  return new PersonKeyring(keys, erased);
}
