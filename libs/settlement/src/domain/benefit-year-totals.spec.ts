import { fen } from '../testing/given-bill';
import {
  addTotals,
  emptyBenefitYearTotals,
  subtractTotals,
  type BenefitYearTotals,
} from './benefit-year-totals';
import { TotalsWouldGoNegative } from './benefit-year.errors';

const year = (more: Partial<BenefitYearTotals>): BenefitYearTotals => ({
  ...emptyBenefitYearTotals(),
  ...more,
});

describe('benefit-year totals', () => {
  const before = year({
    basicFundFen: fen(1_920_000),
    chronicOutpatientFen: { hypertension: fen(12_000) },
    admissions: 1,
  });
  const usage = year({
    basicFundFen: fen(5_000),
    chronicOutpatientFen: { diabetes: fen(5_000) },
    yearlyDeductiblesFen: { 'chronic:diabetes': fen(20_000) },
  });

  it('adds field by field, disease by disease', () => {
    expect(addTotals(before, usage)).toEqual(
      year({
        basicFundFen: fen(1_925_000),
        chronicOutpatientFen: { hypertension: fen(12_000), diabetes: fen(5_000) },
        yearlyDeductiblesFen: { 'chronic:diabetes': fen(20_000) },
        admissions: 1,
      }),
    );
  });

  it('subtracts back to exactly the year it started from, leaving no empty disease behind', () => {
    expect(subtractTotals(addTotals(before, usage), usage)).toEqual(before);
  });

  it('refuses to take back more than the year has used', () => {
    expect(() => subtractTotals(before, usage)).toThrow(TotalsWouldGoNegative);
  });
});
