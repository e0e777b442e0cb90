import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM: a 12-byte nonce per value, a 16-byte tag that refuses a wrong key or a changed
// byte. A sealed value names its scheme, so a later one can stand beside it in the same log.
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const SEALED_PREFIX = 'pd1:';

/** A person's own key: one per resident, deleted to erase them. */
export function newPersonKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/**
 * Seals one value under a key. `boundTo` (the person's id, or the key's owner) is authenticated
 * but not hidden: a value copied into another person's event does not open there.
 */
export function seal(key: Buffer, boundTo: string, plaintext: Buffer | string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

/** The sealed value's bytes; throws when the key, the binding or a byte is not the sealer's. */
export function open(key: Buffer, boundTo: string, sealed: string): Buffer {
  if (!isSealed(sealed)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed value is cut short');
  const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, NONCE_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
}

/** A person's key as it is kept: sealed by the master key, bound to the person's id. */
export function wrapPersonKey(master: Buffer, personId: string, key: Buffer): string {
  return seal(master, `person-key:${personId}`, key);
}

export function unwrapPersonKey(master: Buffer, personId: string, wrapped: string): Buffer {
  return open(master, `person-key:${personId}`, wrapped);
}
