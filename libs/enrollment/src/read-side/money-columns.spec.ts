import { fenFromColumn, withMoneyAsNumbers } from './money-columns';

describe('money columns read back from bigint', () => {
  it("turns the driver's bigint text into numbers of fen, beyond int4 too", () => {
    expect(fenFromColumn('32000', 'paidFen')).toBe(32_000);
    expect(fenFromColumn('3000000000', 'paidFen')).toBe(3_000_000_000);
    expect(fenFromColumn(0, 'paidFen')).toBe(0);
  });

  it('refuses a sum that would lose fen as a number, or no number at all', () => {
    expect(() => fenFromColumn('9007199254740993', 'paidFen')).toThrow('paidFen');
    expect(() => fenFromColumn(null, 'paidFen')).toThrow('paidFen');
    expect(() => fenFromColumn('12.5', 'paidFen')).toThrow('paidFen');
  });

  it('converts every money column of a coverage row and keeps the rest', () => {
    const row = {
      year: 2022,
      policyVersion: 'taibai-lake@2022',
      individualFen: '32000',
      subsidyFen: '61000',
      payableFen: '0',
      waivedFen: '32000',
      paidFen: '0',
    };
    expect(withMoneyAsNumbers(row)).toEqual({
      ...row,
      individualFen: 32_000,
      subsidyFen: 61_000,
      payableFen: 0,
      waivedFen: 32_000,
      paidFen: 0,
    });
  });
});
