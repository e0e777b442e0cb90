import { minuteOfDay, shareOfDay } from './daily-profile';
import { SeededRandom } from './seeded-random';

describe('the daily profile', () => {
  it('spreads a whole working day, 08:00–17:00, and nothing outside it', () => {
    expect(shareOfDay(8 * 60, 17 * 60)).toBeCloseTo(1, 10);
    expect(shareOfDay(0, 8 * 60)).toBe(0);
    expect(shareOfDay(17 * 60, 24 * 60)).toBe(0);
  });

  it('peaks in the morning and drops over lunch', () => {
    const hour = (h: number) => shareOfDay(h * 60, (h + 1) * 60);
    expect(hour(9)).toBeGreaterThan(hour(8));
    expect(hour(12)).toBeLessThan(hour(11) / 2);
    expect(hour(14)).toBeGreaterThan(hour(12));
  });

  it('draws arrival minutes inside the window, as often per hour as the profile says', () => {
    const random = new SeededRandom(1);
    const perHour = new Array<number>(24).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const minute = minuteOfDay(random.next(), 9 * 60 + 30, 16 * 60);
      expect(minute).toBeGreaterThanOrEqual(9 * 60 + 30);
      expect(minute).toBeLessThan(16 * 60);
      perHour[Math.floor(minute / 60)]!++;
    }
    const expected = (h: number) =>
      (20_000 * shareOfDay(h * 60, (h + 1) * 60)) / shareOfDay(570, 960);
    for (const h of [10, 12, 15]) expect(perHour[h]).toBeCloseTo(expected(h), -2);
  });
});
