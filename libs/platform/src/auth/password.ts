import bcrypt from 'bcryptjs';

const COST = 10;

/**
 * bcrypt reads at most 72 bytes of a password and ignores the rest, so a longer password would
 * be cut without a word and anything sharing its first 72 bytes would pass. Longer passwords
 * are refused when set; a longer one offered at login matches nothing.
 */
export const PASSWORD_MAX_BYTES = 72;

export const passwordBytes = (plain: string): number => Buffer.byteLength(plain, 'utf8');

export async function hashPassword(plain: string): Promise<string> {
  if (passwordBytes(plain) > PASSWORD_MAX_BYTES)
    throw new RangeError(`a password is at most ${PASSWORD_MAX_BYTES} bytes in UTF-8`);
  return bcrypt.hash(plain, COST);
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const matches = await bcrypt.compare(plain, hash);
  return matches && passwordBytes(plain) <= PASSWORD_MAX_BYTES;
}
