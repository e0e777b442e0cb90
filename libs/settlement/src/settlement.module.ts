import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, policyBookProvider } from '@circle/enrollment';
import { EventStoreModule } from '@circle/event-store';
import type { StationKind } from '@circle/stations';
import { GetSettlementHandler } from './get-settlement/get-settlement.query-handler';
import { GetSettlementController } from './get-settlement/get-settlement.http.controller';
import { QuoteSettlementHandler } from './quote-settlement/quote-settlement.query-handler';
import { QuoteSettlementController } from './quote-settlement/quote-settlement.http.controller';
import { ReadBenefitYearHandler } from './read-benefit-year/read-benefit-year.query-handler';
import { ReadBenefitYearController } from './read-benefit-year/read-benefit-year.http.controller';
import { ReverseSettlementHandler } from './reverse-settlement/reverse-settlement.handler';
import { ReverseSettlementController } from './reverse-settlement/reverse-settlement.http.controller';
import { SettlementReadModel } from './read-side/settlement-read-model';
import { SuperviseBenefitYearController } from './supervise-benefit-year/supervise-benefit-year.http.controller';
import { SettleBillHandler } from './settle-bill/settle-bill.handler';
import { SettleBillController } from './settle-bill/settle-bill.http.controller';
import { BenefitYears } from './shared/benefit-years';
import { SettlementDesk } from './shared/settlement-desk';
import { SETTLEMENT_STATION_KINDS } from './shared/settlement-stations';

/**
 * One-stop settlement: quotes, settlements and reversals on each person's benefit year, read
 * back as statements (also FHIR ExplanationOfBenefit). Hospital stations settle discharges;
 * the hall settles reimbursement claims through the same calculator.
 */
@Module({})
export class SettlementModule {
  static forStations(kinds: readonly StationKind[]): DynamicModule {
    return {
      module: SettlementModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: [
        QuoteSettlementController,
        SettleBillController,
        ReverseSettlementController,
        GetSettlementController,
        ReadBenefitYearController,
      ],
      providers: [
        policyBookProvider,
        Clock,
        BenefitYears,
        SettlementDesk,
        { provide: SETTLEMENT_STATION_KINDS, useValue: kinds },
        QuoteSettlementHandler,
        SettleBillHandler,
        ReverseSettlementHandler,
        GetSettlementHandler,
        ReadBenefitYearHandler,
      ],
      exports: [BenefitYears, SettlementDesk],
    };
  }

  /** For the supervisor: benefit years from the read model. */
  static readSide(): DynamicModule {
    return {
      module: SettlementModule,
      controllers: [SuperviseBenefitYearController],
      providers: [Clock, SettlementReadModel],
    };
  }
}
