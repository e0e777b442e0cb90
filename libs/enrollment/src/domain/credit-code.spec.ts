import fc from 'fast-check';
import { creditCodeCheckCharacter, makeCreditCode, parseCreditCode } from './credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeChar = fc.constantFrom(...CHARSET);
const bodies = fc
  .tuple(
    fc.array(codeChar, { minLength: 2, maxLength: 2 }),
    fc.integer({ min: 0, max: 999_999 }),
    fc.array(codeChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, area, tail]) => `${head.join('')}${String(area).padStart(6, '0')}${tail.join('')}`);

const problemOf = (code: string): string => {
  const result = parseCreditCode(code);
  if (result.ok) throw new Error(`${code} was accepted`);
  return result.problem;
};

describe('parseCreditCode (GB 32100-2015)', () => {
  it('reads the standard example 91350100M000100Y43', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        code: '91350100M000100Y43',
        registrationAuthority: '9',
        organisationCategory: '1',
        areaCode: '350100',
        organisationCode: 'M000100Y4',
      },
    });
  });

  it('reads lower-case letters as capitals', () => {
    expect(parseCreditCode('91350100m000100y43')).toMatchObject({
      ok: true,
      value: { code: '91350100M000100Y43' },
    });
  });

  it('writes a check value of 31 as 0 and 30 as Y', () => {
    const zero = makeCreditCode('00000000000000000');
    expect(zero).toBe('000000000000000000');
    expect(parseCreditCode(zero).ok).toBe(true);
    expect(creditCodeCheckCharacter('10000000000000000')).toBe('Y');
  });

  it('says what is wrong, in one sentence', () => {
    expect(problemOf('91350100M000100Y4')).toContain('this one has 17');
    expect(problemOf('91350100M000100I43')).toContain('"I" cannot appear');
    expect(problemOf('9135010OM000100Y43')).toContain('"O" cannot appear');
    expect(problemOf('913501A0M000100Y43')).toContain('area code and must be digits');
    expect(problemOf('91350100M000100Y44')).toContain('check character does not match');
  });

  it('refuses to make a code from impossible parts', () => {
    expect(() => makeCreditCode('91350100M000100Y')).toThrow();
    expect(() => makeCreditCode('9135010AM000100Y4')).toThrow();
    expect(() => makeCreditCode('91350100M000100Z4')).toThrow();
  });

  describe('properties', () => {
    it('every made code validates', () => {
      fc.assert(fc.property(bodies, (body) => parseCreditCode(makeCreditCode(body)).ok));
    });

    it('changing any one character to another allowed one makes it invalid', () => {
      fc.assert(
        fc.property(
          bodies,
          fc.nat(17),
          fc.integer({ min: 1, max: 30 }),
          (body, position, shift) => {
            const code = makeCreditCode(body);
            const replacement = CHARSET.charAt(
              (CHARSET.indexOf(code.charAt(position)) + shift) % 31,
            );
            const changed = code.slice(0, position) + replacement + code.slice(position + 1);
            return !parseCreditCode(changed).ok;
          },
        ),
      );
    });
  });
});
