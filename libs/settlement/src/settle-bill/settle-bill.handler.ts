import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { insuredOnRecord } from '../domain';
import { BenefitYears } from '../shared/benefit-years';
import {
  billOf,
  checkTier,
  newSettlementId,
  SettlementDesk,
  TREATMENT_REGION,
} from '../shared/settlement-desk';
import { recordOf, type SettlementRecord } from '../shared/settlement-record';
import { SettleBillCommand } from './settle-bill.command';

@CommandHandler(SettleBillCommand)
export class SettleBillHandler implements ICommandHandler<SettleBillCommand> {
  constructor(
    private readonly desk: SettlementDesk,
    private readonly years: BenefitYears,
  ) {}

  execute({ request, context }: SettleBillCommand): Promise<SettlementRecord> {
    // An admission is settled at discharge; every other bill at the outpatient desk.
    const business =
      request.setting === 'inpatient' ? 'DISCHARGE_SETTLEMENT' : 'OUTPATIENT_SETTLEMENT';
    const desk = this.desk.open(business, context.principal.stationId);
    checkTier(request, desk);
    const inForce = this.desk.policyFor(request, desk.today);
    const residentId = this.desk.residentId(request.residentId, desk.today);
    const bill = billOf(request);
    const year = Number(bill.date.slice(0, 4));
    const settlementId = newSettlementId(desk.at);
    return this.years.decide(
      residentId,
      year,
      (person) => {
        const onRecord = insuredOnRecord(
          person,
          { ...bill, region: request.region },
          TREATMENT_REGION,
        );
        return {
          kind: 'SettleBill',
          settlementId,
          residentId,
          year,
          admissionId: request.admissionId,
          stationId: desk.station.stationId,
          at: desk.at,
          source: 'hospital',
          claimId: null,
          bill,
          standing: onRecord.standing,
          policy: inForce.policy,
          policyVersion: inForce.versionId,
          person: { phone: onRecord.person.phone, name: onRecord.person.name },
        };
      },
      context,
      ({ events }) => {
        const settled = events.find((e) => e.type === 'settlement.BillSettled');
        if (settled?.type !== 'settlement.BillSettled')
          throw new Error('a settlement must record the bill it settled');
        return recordOf(settled.data, inForce.warning);
      },
    );
  }
}
