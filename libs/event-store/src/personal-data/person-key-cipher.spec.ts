import {
  isSealed,
  newPersonKey,
  open,
  seal,
  unwrapPersonKey,
  wrapPersonKey,
} from './person-key-cipher';

describe('sealing personal fields with a person key', () => {
  const key = newPersonKey();
  const person = '37081119400301021X';

  it('opens what it sealed, and seals the same value differently each time', () => {
    const sealed = seal(key, person, '王小明');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('王小明');
    expect(open(key, person, sealed).toString('utf8')).toBe('王小明');
    expect(seal(key, person, '王小明')).not.toBe(sealed);
  });

  it('refuses a wrong key, another person and a changed byte', () => {
    const sealed = seal(key, person, '13912345678');
    expect(() => open(newPersonKey(), person, sealed)).toThrow();
    expect(() => open(key, '370811194003010217', sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(4), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => open(key, person, `pd1:${raw.toString('base64')}`)).toThrow();
  });

  it('keeps a person key sealed by the master key, bound to its person', () => {
    const master = newPersonKey();
    const wrapped = wrapPersonKey(master, person, key);
    expect(unwrapPersonKey(master, person, wrapped)).toEqual(key);
    expect(() => unwrapPersonKey(newPersonKey(), person, wrapped)).toThrow();
    expect(() => unwrapPersonKey(master, 'someone-else', wrapped)).toThrow();
  });

  it('takes plaintext for what it is not', () => {
    expect(isSealed('王小明')).toBe(false);
    expect(() => open(key, person, '王小明')).toThrow(/not a sealed value/);
  });
});
