import { eventsPerSecond, renderProgress } from './progress-bar';

describe('rebuild progress bar', () => {
  it('shows share, counts, rate and time left', () => {
    expect(renderProgress({ done: 25_000, total: 100_000, elapsedMs: 2_000 })).toBe(
      '[########......................]  25% 25,000/100,000 events  12,500 ev/s  ETA 00:06',
    );
  });

  it('stays full when the log grew past the count taken at the start', () => {
    expect(renderProgress({ done: 120, total: 100, elapsedMs: 1_000 })).toMatch(
      /^\[#{30}\] 100% 120\/100 events {2}120 ev\/s {2}ETA 00:00$/,
    );
  });

  it('has no rate and no ETA before any time has passed', () => {
    expect(eventsPerSecond(10, 0)).toBe(0);
    expect(renderProgress({ done: 0, total: 10, elapsedMs: 0 })).toContain('ETA --:--');
  });
});
