import type { PersonKeyring, RowQuery } from './person-keyring';

export { ERASED } from './erased';

/** The PersonalData the process uses (EventStoreModule provides PgPersonalData). */
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

/**
 * The one way personal fields enter and leave the log. Sealing makes the person's key on first
 * use (and seals ERASED for a person already erased); opening answers ERASED once the key is deleted, and a plaintext value (an event written
 * before fields were sealed) as it stands.
 */
export interface PersonalData {
  seal(
    personId: string,
    fields: Readonly<Record<string, string | undefined>>,
  ): Promise<Record<string, string | undefined>>;
  open(
    personId: string,
    fields: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, string | undefined>>;
  /**
   * The keys of several people in one lookup, for sealing or opening many fields without a
   * query each; `create` makes a key for anyone not yet erased who has none.
   */
  keyring(personIds: readonly string[], options?: { create?: boolean }): Promise<PersonKeyring>;
  /** keyring, looked up through `query`: a command's own transaction, which needs no other connection. */
  keyringWithin(
    query: RowQuery,
    personIds: readonly string[],
    options?: { create?: boolean },
  ): Promise<PersonKeyring>;
  /**
   * The key id for a phone given without a resident ID (`tel-` and a keyed hash, so the number
   * cannot be guessed back from it): erasing a resident who had that number deletes it too.
   */
  phoneKeyId(phone: string): string;
  /** Deletes keys that belong to no person (a phone's), listing no erasure: a later ticket may make a new one. */
  forget(keyIds: readonly string[]): Promise<void>;
  /**
   * Deletes the person's key, and every answer kept for an Idempotency-Key that names them (it
   * may show their name, phone, address or account): a repeat of such a request is then decided
   * again instead of replaying it. Answers whether there was a key.
   */
  erase(personId: string): Promise<boolean>;
}
