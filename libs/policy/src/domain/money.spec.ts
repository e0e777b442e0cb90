import fc from 'fast-check';
import {
  InvalidMoney,
  WHOLE_SHARE,
  add,
  applyShare,
  bps,
  fen,
  formatYuan,
  min,
  subtractFloorZero,
  sum,
  yuan,
  type Bps,
  type Fen,
} from './money';

const amounts = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => n as Fen);
const everyday = fc.integer({ min: 0, max: 100_000_000_00 }).map((n) => n as Fen);
const shares = fc.integer({ min: 0, max: 10_000 }).map((n) => n as Bps);

describe('money', () => {
  it('takes 75 % of the worked example (26,000 − 400 yuan) as 19,200 yuan', () => {
    expect(applyShare(fen(2_560_000), bps(7500))).toBe(1_920_000);
    expect(formatYuan(applyShare(fen(2_560_000), bps(7500)))).toBe('19,200.00');
  });

  it('rounds half a fen up and less than half down', () => {
    expect(applyShare(fen(1), bps(5000))).toBe(1);
    expect(applyShare(fen(3), bps(5000))).toBe(2);
    expect(applyShare(fen(1), bps(4999))).toBe(0);
    expect(applyShare(fen(101), bps(7500))).toBe(76);
  });

  it('stays exact beyond the range where amount × share fits a double', () => {
    const huge = fen(Number.MAX_SAFE_INTEGER);
    const exact = (BigInt(huge) * 3333n + 5_000n) / 10_000n;
    expect(applyShare(huge, bps(3333))).toBe(Number(exact));
  });

  it('refuses amounts that are not whole, non-negative, safe fen', () => {
    for (const bad of [0.5, -1, Number.NaN, Infinity, 2 ** 53])
      expect(() => fen(bad)).toThrow(InvalidMoney);
    expect(() => bps(10_001)).toThrow(InvalidMoney);
    expect(() => bps(12.5)).toThrow(InvalidMoney);
    expect(() => yuan(19.2)).toThrow(InvalidMoney);
    expect(yuan(320)).toBe(32_000);
  });

  it('formats fen as yuan for SMS text', () => {
    expect(formatYuan(fen(0))).toBe('0.00');
    expect(formatYuan(fen(5))).toBe('0.05');
    expect(formatYuan(fen(32_000))).toBe('320.00');
    expect(formatYuan(fen(145_000_000))).toBe('1,450,000.00');
    expect(formatYuan(fen(Number.MAX_SAFE_INTEGER))).toBe('90,071,992,547,409.91');
  });

  it('adds, sums, takes the least and subtracts down to zero', () => {
    expect(add(fen(1), fen(2))).toBe(3);
    expect(sum([])).toBe(0);
    expect(sum([fen(10_000), fen(40_000), fen(5)])).toBe(50_005);
    expect(min(fen(7), fen(3), fen(9))).toBe(3);
    expect(subtractFloorZero(fen(40_000), fen(2_600_000))).toBe(0);
    expect(subtractFloorZero(fen(2_600_000), fen(40_000))).toBe(2_560_000);
  });

  describe('properties', () => {
    it('a share never exceeds the amount and is a whole fen', () => {
      fc.assert(
        fc.property(amounts, shares, (amount, share) => {
          const part = applyShare(amount, share);
          return Number.isSafeInteger(part) && part >= 0 && part <= amount;
        }),
      );
    });

    it('the whole share is the whole amount, no share is nothing', () => {
      fc.assert(fc.property(amounts, (amount) => applyShare(amount, WHOLE_SHARE) === amount));
      fc.assert(fc.property(amounts, (amount) => applyShare(amount, bps(0)) === 0));
    });

    it('is monotonic in the amount', () => {
      fc.assert(
        fc.property(amounts, amounts, shares, (a, b, share) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          return applyShare(low, share) <= applyShare(high, share);
        }),
      );
    });

    it('is monotonic in the share', () => {
      fc.assert(
        fc.property(amounts, shares, shares, (amount, s, t) => {
          const [low, high] = s <= t ? [s, t] : [t, s];
          return applyShare(amount, low) <= applyShare(amount, high);
        }),
      );
    });

    it('is within half a fen of the exact share, an exact half going up', () => {
      fc.assert(
        fc.property(amounts, shares, (amount, share) => {
          const twiceError =
            2n * (BigInt(applyShare(amount, share)) * 10_000n - BigInt(amount) * BigInt(share));
          return twiceError > -10_000n && twiceError <= 10_000n;
        }),
      );
    });

    it('a share and its complement differ from the amount by at most one fen', () => {
      fc.assert(
        fc.property(everyday, shares, (amount, share) => {
          const split = applyShare(amount, share) + applyShare(amount, bps(10_000 - share));
          return split - amount >= 0 && split - amount <= 1;
        }),
      );
    });

    it('subtracting down to zero never goes negative and never exceeds the amount', () => {
      fc.assert(
        fc.property(amounts, amounts, (a, b) => {
          const left = subtractFloorZero(a, b);
          return left >= 0 && left <= a && (a >= b ? left === a - b : left === 0);
        }),
      );
    });

    it('formatting round-trips to the same fen', () => {
      fc.assert(
        fc.property(
          amounts,
          (amount) => Number(formatYuan(amount).replace(/[,.]/g, '')) === amount,
        ),
      );
    });
  });
});
