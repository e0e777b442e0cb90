import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  const seventyTwo = 'x'.repeat(72);

  it('hashes and checks a password up to 72 bytes', async () => {
    const hash = await hashPassword(seventyTwo);
    await expect(verifyPassword(seventyTwo, hash)).resolves.toBe(true);
    await expect(verifyPassword('x'.repeat(71), hash)).resolves.toBe(false);
  });

  it('refuses to hash a longer one rather than cut it', async () => {
    await expect(hashPassword('x'.repeat(73))).rejects.toThrow('72 bytes');
    // 25 Chinese characters are 75 bytes in UTF-8.
    await expect(hashPassword('医'.repeat(25))).rejects.toThrow(RangeError);
  });

  it('never lets bytes beyond the 72nd pass as the password', async () => {
    const hash = await hashPassword(seventyTwo);
    await expect(verifyPassword(`${seventyTwo}anything`, hash)).resolves.toBe(false);
  });
});
