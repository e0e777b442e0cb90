import type { PersonKeyring } from './person-keyring';

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
  /** Deletes the person's key; answers whether there was one. */
  erase(personId: string): Promise<boolean>;
}
