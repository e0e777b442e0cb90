import fc from 'fast-check';
import { ageOn, makeNationalId, nationalIdCheckCharacter, parseNationalId } from './national-id';

const TODAY = '2024-05-20';
const areaCodes = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 99_999 }))
  .map(([first, rest]) => `${first}${String(rest).padStart(5, '0')}`);
const birthDates = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date(`${TODAY}T00:00:00Z`),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const sequences = fc.integer({ min: 0, max: 999 });
const validIds = fc
  .tuple(areaCodes, birthDates, sequences)
  .map(([a, b, s]) => makeNationalId(a, b, s));

const problemOf = (id: string, today = TODAY): string => {
  const result = parseNationalId(id, today);
  if (result.ok) throw new Error(`${id} was accepted`);
  return result.problem;
};

describe('parseNationalId (GB 11643-1999)', () => {
  it('reads the standard example 11010519491231002X', () => {
    expect(parseNationalId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        id: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        areaCode: '110105',
      },
    });
  });

  it('reads the sex from the 17th digit: odd is male', () => {
    const id = makeNationalId('370402', '1961-01-01', 17);
    expect(parseNationalId(id, TODAY)).toMatchObject({
      ok: true,
      value: { sex: 'male', birthDate: '1961-01-01' },
    });
  });

  it('stores a lower-case x as X', () => {
    expect(parseNationalId('11010519491231002x', TODAY)).toMatchObject({
      ok: true,
      value: { id: '11010519491231002X' },
    });
  });

  it('says what is wrong, in one sentence', () => {
    expect(problemOf('1101051949123100')).toBe('A resident ID has 18 characters; this one has 16.');
    expect(problemOf(' 11010519491231002X')).toContain('this one has 19');
    expect(problemOf('1101051949123100AX')).toContain('first 17 characters');
    expect(problemOf('11010519491231002Y')).toContain('must be a digit or X');
    expect(problemOf('010105194912310021')).toContain('area code 010105');
    expect(problemOf('910105194912310021')).toContain('area code 910105');
    expect(problemOf('110105194902300021')).toBe(
      'The birth date 19490230 in the ID is not a real date.',
    );
    expect(problemOf(makeNationalId('110105', '2024-05-21', 1))).toContain(
      '2024-05-21 in the ID is in the future',
    );
    expect(problemOf('110105194912310021')).toContain('check character does not match');
  });

  it("refuses births before 1900, even with a right check character (the standard's 1880 example)", () => {
    expect(nationalIdCheckCharacter('44052418800101001')).toBe('4');
    expect(problemOf('440524188001010014')).toBe(
      'The birth date 1880-01-01 in the ID is before 1900.',
    );
  });

  it('accepts someone born today and a 29 February birth in a leap year', () => {
    expect(parseNationalId(makeNationalId('110105', TODAY, 2), TODAY).ok).toBe(true);
    expect(parseNationalId(makeNationalId('110105', '2000-02-29', 2), TODAY).ok).toBe(true);
    expect(problemOf('110105190002290024')).toContain('not a real date');
  });

  it('refuses to make an ID from impossible parts', () => {
    expect(() => makeNationalId('910105', '1990-01-01', 1)).toThrow('area code');
    expect(() => makeNationalId('110105', '1990-02-30', 1)).toThrow('birth date');
    expect(() => makeNationalId('110105', '1990-01-01', 1000)).toThrow('sequence');
  });

  describe('properties', () => {
    it('every made ID validates and reads back its parts', () => {
      fc.assert(
        fc.property(areaCodes, birthDates, sequences, (area, birthDate, seq) => {
          const result = parseNationalId(makeNationalId(area, birthDate, seq), TODAY);
          return (
            result.ok &&
            result.value.areaCode === area &&
            result.value.birthDate === birthDate &&
            result.value.sex === (seq % 2 === 1 ? 'male' : 'female')
          );
        }),
      );
    });

    it('changing any one character to another allowed one makes it invalid', () => {
      fc.assert(
        fc.property(
          validIds,
          fc.nat(17),
          fc.integer({ min: 1, max: 10 }),
          (id, position, shift) => {
            const allowed = position === 17 ? '0123456789X' : '0123456789';
            const index = allowed.indexOf(id.charAt(position));
            const replacement = allowed.charAt((index + shift) % allowed.length);
            if (replacement === id.charAt(position)) return true;
            const changed = id.slice(0, position) + replacement + id.slice(position + 1);
            return !parseNationalId(changed, TODAY).ok;
          },
        ),
      );
    });
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1961-01-01', '2021-01-01')).toBe(60);
    expect(ageOn('1961-01-02', '2021-01-01')).toBe(59);
    expect(ageOn('2021-03-01', '2021-03-01')).toBe(0);
  });

  it('makes a 29 February birthday count on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('refuses a date before the birth', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow();
  });

  it('never decreases as the date moves on', () => {
    fc.assert(
      fc.property(birthDates, fc.nat(40_000), fc.nat(400), (birth, later, more) => {
        const day = (offset: number) =>
          new Date(Date.parse(`${birth}T00:00:00Z`) + offset * 86_400_000)
            .toISOString()
            .slice(0, 10);
        return ageOn(birth, day(later)) <= ageOn(birth, day(later + more));
      }),
    );
  });
});
