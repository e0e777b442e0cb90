import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@circle/kernel';
import { BenefitYears } from '../shared/benefit-years';
import { SettlementDesk } from '../shared/settlement-desk';
import { recordOf, type SettlementRecord } from '../shared/settlement-record';
import { ReverseSettlementCommand } from './reverse-settlement.command';

/**
 * Reverses a settlement by a compensating event that gives back exactly what it used of the
 * benefit year. Only the station that settled it may reverse it (an admin anywhere): the
 * hospital holds the bill and the resident's receipt.
 */
@CommandHandler(ReverseSettlementCommand)
export class ReverseSettlementHandler implements ICommandHandler<ReverseSettlementCommand> {
  constructor(
    private readonly desk: SettlementDesk,
    private readonly years: BenefitYears,
  ) {}

  async execute({
    settlementId,
    request,
    context,
  }: ReverseSettlementCommand): Promise<SettlementRecord> {
    const found = await this.years.settlement(settlementId);
    const principal = context.principal;
    // Another station's settlement is refused as if it did not exist, as a read of it is: an
    // id tried at the wrong hospital reveals nothing about that hospital's patients.
    if (!found || (principal.role !== 'admin' && principal.stationId !== found.settled.stationId))
      throw new DomainError(
        'not-found',
        'not_found',
        `settlement ${settlementId} is not on record at your station`,
      );
    const business =
      found.settled.source === 'claim' ? 'MANUAL_REIMBURSEMENT' : 'DISCHARGE_SETTLEMENT';
    const desk = this.desk.open(business, found.settled.stationId);
    return this.years.decide(
      found.residentId,
      found.year,
      (person) => ({
        kind: 'ReverseSettlement',
        settlementId,
        reason: request.reason.trim(),
        stationId: desk.station.stationId,
        at: desk.at,
        person: { phone: person.person?.phone ?? null, name: person.person?.name ?? '' },
      }),
      context,
      ({ events }) => {
        const reversed = events.find((e) => e.type === 'settlement.SettlementReversed');
        if (reversed?.type !== 'settlement.SettlementReversed')
          throw new Error('a reversal must record what it gave back');
        return recordOf(found.settled, null, {
          at: reversed.data.at,
          reason: reversed.data.reason,
        });
      },
    );
  }
}
