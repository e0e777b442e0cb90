import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  anonymousStanding,
  calculateSettlement,
  emptyBenefitYearTotals,
  insuredOnRecord,
} from '../domain';
import { BenefitYears } from '../shared/benefit-years';
import { billOf, SettlementDesk, TREATMENT_REGION } from '../shared/settlement-desk';
import { quoteOf, type SettlementQuote } from '../shared/settlement-answer';
import { QuoteSettlementQuery } from './quote-settlement.query';

@QueryHandler(QuoteSettlementQuery)
export class QuoteSettlementHandler implements IQueryHandler<QuoteSettlementQuery> {
  constructor(
    private readonly desk: SettlementDesk,
    private readonly years: BenefitYears,
  ) {}

  async execute({ request }: QuoteSettlementQuery): Promise<SettlementQuote> {
    const today = this.desk.today();
    const inForce = this.desk.policyFor(request, today);
    const bill = billOf(request);
    const input = { policy: inForce.policy, policyVersion: inForce.versionId, bill };
    if (request.residentId === undefined) {
      const standing = anonymousStanding(bill);
      const breakdown = calculateSettlement({
        ...input,
        standing,
        totals: emptyBenefitYearTotals(),
      });
      return quoteOf(breakdown, inForce.warning, 'first-admission');
    }
    const residentId = this.desk.residentId(request.residentId, today);
    const { person, year } = await this.years.load(residentId, Number(bill.date.slice(0, 4)));
    const { standing } = insuredOnRecord(
      person.state,
      { ...bill, region: request.region },
      TREATMENT_REGION,
    );
    const breakdown = calculateSettlement({ ...input, standing, totals: year.state.totals });
    return quoteOf(breakdown, inForce.warning, 'benefit-year');
  }
}
