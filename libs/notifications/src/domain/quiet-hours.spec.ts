import { parseQuietHours, releaseTime } from './quiet-hours';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('quiet hours', () => {
  const night = parseQuietHours('22:00-08:00')!;

  it('parses a window and refuses a malformed one', () => {
    expect(night).toEqual({ startMinute: 1320, endMinute: 480 });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('')).toBeNull();
    for (const bad of ['22-08', '22:00', '24:00-08:00', '08:00-08:00', '22:00-08:00-09:00'])
      expect(parseQuietHours(bad)).toBeUndefined();
  });

  it('lets a message go at once outside the window', () => {
    const at = shanghai('2024-06-03T14:05:00');
    expect(releaseTime(night, at)).toBe(at);
    expect(releaseTime(null, shanghai('2024-06-03T23:00:00')).toISOString()).toBe(
      shanghai('2024-06-03T23:00:00').toISOString(),
    );
  });

  it('holds a late-evening message until the next morning', () => {
    expect(releaseTime(night, shanghai('2024-06-03T22:00:00'))).toEqual(
      shanghai('2024-06-04T08:00:00'),
    );
    expect(releaseTime(night, shanghai('2024-06-03T23:59:59'))).toEqual(
      shanghai('2024-06-04T08:00:00'),
    );
  });

  it('holds an early-morning message until eight the same day', () => {
    expect(releaseTime(night, shanghai('2024-06-04T07:59:59.500'))).toEqual(
      shanghai('2024-06-04T08:00:00'),
    );
    const eight = shanghai('2024-06-04T08:00:00');
    expect(releaseTime(night, eight)).toBe(eight);
  });

  it('handles a window within one day', () => {
    const lunch = parseQuietHours('12:00-13:30')!;
    expect(releaseTime(lunch, shanghai('2024-06-04T12:10:00'))).toEqual(
      shanghai('2024-06-04T13:30:00'),
    );
    const at = shanghai('2024-06-04T13:30:00');
    expect(releaseTime(lunch, at)).toBe(at);
  });
});
