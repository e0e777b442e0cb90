/** What a reader shows for a personal field whose person was erased (their key deleted). */
export const ERASED = '[erased]';

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
  /** Deletes the person's key; answers whether there was one. */
  erase(personId: string): Promise<boolean>;
}
