import { crossesSnapshot } from './snapshots';

describe('crossesSnapshot', () => {
  const every10 = { every: 10, schema: 'queue@1' };

  it.each([
    [0, 9, false],
    [0, 10, true],
    [9, 10, true],
    [10, 19, false],
    [8, 23, true],
    [20, 20, false],
  ])('from %i to %i: %s', (from, to, expected) => {
    expect(crossesSnapshot(every10, from, to)).toBe(expected);
  });

  it('refuses a step that is not a positive whole number', () => {
    expect(() => crossesSnapshot({ every: 0, schema: 'x' }, 0, 1)).toThrow('positive');
  });
});
