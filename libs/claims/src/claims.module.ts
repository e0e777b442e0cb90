import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, policyBookProvider } from '@circle/enrollment';
import { EventStoreModule } from '@circle/event-store';
import { BenefitYears } from '@circle/settlement';
import type { StationKind } from '@circle/stations';
import { AdjustClaimHandler } from './adjust-claim/adjust-claim.handler';
import { AdjustClaimController } from './adjust-claim/adjust-claim.http.controller';
import { ApproveClaimHandler } from './approve-claim/approve-claim.handler';
import { ApproveClaimController } from './approve-claim/approve-claim.http.controller';
import { GetClaimHandler } from './get-claim/get-claim.query-handler';
import { GetClaimController } from './get-claim/get-claim.http.controller';
import { ListClaimsHandler } from './list-claims/list-claims.query-handler';
import { ListClaimsController } from './list-claims/list-claims.http.controller';
import { OverdueClaimsHandler } from './overdue-claims/overdue-claims.query-handler';
import { OverdueClaimsController } from './overdue-claims/overdue-claims.http.controller';
import { ClaimsReadModel } from './read-side/claims-read-model';
import { ListedClaimNames } from './read-side/listed-claim-names';
import { ReviewList } from './read-side/review-list';
import { RejectClaimHandler } from './reject-claim/reject-claim.handler';
import { RejectClaimController } from './reject-claim/reject-claim.http.controller';
import { ClaimDesk } from './shared/claim-desk';
import { ClaimSettlement } from './shared/claim-settlement';
import { ClaimStreams } from './shared/claim-streams';
import { ClaimViews } from './shared/claim-views';
import { CLAIMS_STATION_KINDS } from './shared/served-stations';
import { SubmitClaimHandler } from './submit-claim/submit-claim.handler';
import { SubmitClaimController } from './submit-claim/submit-claim.http.controller';

/**
 * Reimbursement claims (manual, maternity, medical assistance): submitted at the hall,
 * reviewed, settled on the person's benefit year by the settlement calculator, paid by a
 * payment instruction. The supervisor lists breaches of the claim clock.
 */
@Module({})
export class ClaimsModule {
  static forStations(kinds: readonly StationKind[]): DynamicModule {
    return {
      module: ClaimsModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: [
        SubmitClaimController,
        ListClaimsController,
        GetClaimController,
        AdjustClaimController,
        RejectClaimController,
        ApproveClaimController,
      ],
      providers: [
        policyBookProvider,
        Clock,
        BenefitYears,
        ClaimDesk,
        ClaimStreams,
        ClaimSettlement,
        ClaimViews,
        ReviewList,
        ListedClaimNames,
        { provide: CLAIMS_STATION_KINDS, useValue: kinds },
        SubmitClaimHandler,
        ListClaimsHandler,
        GetClaimHandler,
        AdjustClaimHandler,
        RejectClaimHandler,
        ApproveClaimHandler,
      ],
    };
  }

  /** For the supervisor: the breaches of the claim clock, from the `claims_deadlines` projection. */
  static readSide(): DynamicModule {
    return {
      module: ClaimsModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: [OverdueClaimsController],
      providers: [ClaimsReadModel, ListedClaimNames, OverdueClaimsHandler],
    };
  }
}
