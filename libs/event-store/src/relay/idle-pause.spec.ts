import { idlePause } from './idle-pause';

describe('idlePause', () => {
  it('sleeps idleMs after the first quiet pass and doubles up to the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => idlePause(n, 20, 100))).toEqual([
      20, 40, 80, 100, 100, 100,
    ]);
  });

  it('does not sleep when the last pass found events', () => {
    expect(idlePause(0, 20, 100)).toBe(0);
  });

  it('never sleeps less than idleMs, whatever the cap', () => {
    expect(idlePause(3, 20, 5)).toBe(20);
  });
});
