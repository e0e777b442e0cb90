import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@circle/kernel';
import { isBenefitYearEvent } from '../domain';
import { BenefitYears } from '../shared/benefit-years';
import { SettlementDesk } from '../shared/settlement-desk';
import type { BenefitYearView, SettlementSummary } from './benefit-year-view';
import { ReadBenefitYearQuery } from './read-benefit-year.query';

/** Folded from the log on the station apps, so the clerk sees a settlement the moment it is made. */
@QueryHandler(ReadBenefitYearQuery)
export class ReadBenefitYearHandler implements IQueryHandler<ReadBenefitYearQuery> {
  constructor(
    private readonly desk: SettlementDesk,
    private readonly years: BenefitYears,
  ) {}

  async execute({ residentId, year }: ReadBenefitYearQuery): Promise<BenefitYearView> {
    const today = this.desk.today();
    const id = this.desk.residentId(residentId, today);
    const person = await this.years.person(id);
    if (!person.person)
      throw new DomainError('not-found', 'not_found', 'the resident is not on record');
    const theYear = year ?? Number(today.slice(0, 4));
    const { state, events } = await this.years.yearWithEvents(id, theYear);
    const settlements = new Map<string, SettlementSummary>();
    for (const event of events) {
      if (!isBenefitYearEvent(event)) continue;
      const d = event.data;
      if (event.type === 'settlement.BillSettled')
        settlements.set(d.settlementId, {
          settlementId: d.settlementId,
          admissionId: event.data.admissionId,
          stationId: event.data.stationId,
          setting: event.data.bill.setting,
          date: event.data.bill.date,
          medfee_sumamt: event.data.medfee_sumamt,
          fundFen:
            event.data.hifp_pay + event.data.hifmi_pay + event.data.hifob_pay + event.data.maf_pay,
          psn_cash_pay: event.data.psn_cash_pay,
          status: 'settled',
        });
      else {
        const summary = settlements.get(d.settlementId);
        if (summary) settlements.set(d.settlementId, { ...summary, status: 'reversed' });
      }
    }
    return {
      residentId: id,
      year: theYear,
      totals: state.totals,
      settlements: [...settlements.values()],
    };
  }
}
