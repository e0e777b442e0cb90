import type { FieldProblem } from '@circle/kernel';
import { checkedText } from './text-rule';

function check(value: unknown, path = ''): [unknown, FieldProblem[]] {
  const problems: FieldProblem[] = [];
  return [checkedText(value, path, problems), problems];
}

describe('checkedText', () => {
  it('normalises text to NFC, keys and nesting kept', () => {
    const [checked, problems] = check({ name: 'Cafe\u0301', lines: [{ note: 'e\u0301' }] });
    expect(problems).toEqual([]);
    expect(checked).toEqual({ name: 'Café', lines: [{ note: 'é' }] });
  });

  it.each([
    ['a\u0007b', 'a control character (U+0007)'],
    ['line\nbreak', 'a control character (U+000A)'],
    ['\u202eevil', 'a bidirectional control character (U+202E)'],
    ['zero\u200bwidth', 'a zero-width character (U+200B)'],
    ['\ufeffbom', 'a zero-width character (U+FEFF)'],
  ])('refuses %j naming the field', (text, what) => {
    const [, problems] = check({ person: { name: text } });
    expect(problems).toEqual([{ field: 'person.name', problem: `contains ${what}` }]);
  });

  it('refuses a lone surrogate, and names a path parameter by its name', () => {
    expect(check('\ud800x', 'stationId')[1]).toEqual([
      { field: 'stationId', problem: 'is not well-formed Unicode (a lone surrogate)' },
    ]);
  });

  it('refuses keys every object inherits, whatever their value', () => {
    const body = JSON.parse(
      '{"__proto__": {"admin": true}, "a": {"constructor": 1, "toString": 2}}',
    );
    const [checked, problems] = check(body);
    expect(problems.map((p) => p.field)).toEqual(['__proto__', 'a.constructor', 'a.toString']);
    expect(Object.getPrototypeOf(checked)).toBe(Object.prototype);
  });

  it('keeps Chinese text and emoji as they are', () => {
    expect(check({ name: '张三', note: '👍' })).toEqual([{ name: '张三', note: '👍' }, []]);
  });
});

describe('checkedText on deep bodies', () => {
  it('refuses nesting deeper than any request has, without exhausting the stack', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(50_000)}1${']'.repeat(50_000)}}`);
    const [, problems] = check(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toBe('is nested more than 32 levels deep');
  });
});
