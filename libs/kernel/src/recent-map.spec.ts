import { RecentMap } from './recent-map';

describe('RecentMap', () => {
  it('drops the entry set longest ago once past its limit, and says which', () => {
    const dropped: string[] = [];
    const map = new RecentMap<string, number>(2, (key) => dropped.push(key));
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 2, 3]);
    expect(map.size).toBe(2);
    expect(dropped).toEqual(['a']);
  });

  it('makes a key set again the newest, so the one in use stays', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([10, undefined, 3]);
  });

  it('forgets a key on delete, without counting it as dropped for room', () => {
    const dropped: string[] = [];
    const map = new RecentMap<string, number>(1, (key) => dropped.push(key));
    map.set('a', 1);
    expect(map.delete('a')).toBe(true);
    expect(map.delete('a')).toBe(false);
    map.set('b', 2);
    expect(map.size).toBe(1);
    expect(dropped).toEqual([]);
  });

  it('refuses a limit that holds nothing', () => {
    expect(() => new RecentMap(0)).toThrow(RangeError);
    expect(() => new RecentMap(1.5)).toThrow(RangeError);
  });
});
