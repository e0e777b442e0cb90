import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CHINA_HOLIDAYS } from '@circle/enrollment';
import { BenefitYears } from '@circle/settlement';
import { businessOf, type SubmitClaim } from '../domain';
import { ClaimDesk, newClaimId } from '../shared/claim-desk';
import { ClaimStreams } from '../shared/claim-streams';
import { ClaimViews } from '../shared/claim-views';
import { SubmitClaimCommand } from './submit-claim.command';
import type { SubmitClaimRequest } from './submit-claim.request.dto';

function billOf(request: SubmitClaimRequest): SubmitClaim['bill'] {
  const { region, date, scheme, insuredCategory, setting, tier } = request;
  return {
    ...{ region, date, scheme, insuredCategory, setting, tier },
    disease: request.disease ?? null,
    treatmentRegion: request.treatmentRegion ?? null,
    admissionId: request.admissionId ?? null,
  };
}

@CommandHandler(SubmitClaimCommand)
export class SubmitClaimHandler implements ICommandHandler<SubmitClaimCommand> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly streams: ClaimStreams,
    private readonly years: BenefitYears,
    private readonly views: ClaimViews,
  ) {}

  async execute({ request, context }: SubmitClaimCommand) {
    const desk = this.desk.open(businessOf(request.kind), context.principal);
    const residentId = this.desk.residentId(request.residentId, desk.today);
    const treatment = this.desk.policyOnTreatment(request.region, request.date, desk.today);
    const submission = this.desk.policyOnSubmission(request.region, desk.today);
    const person = await this.years.person(residentId);
    const claimId = newClaimId(desk.at);
    return this.streams.decide(
      claimId,
      () => ({
        kind: 'SubmitClaim',
        claimId,
        claimKind: request.kind,
        residentId,
        bill: billOf(request),
        lines: request.lines,
        attachments: request.attachments,
        payeeAccount: request.payeeAccount ?? null,
        person,
        treatmentPolicy: treatment.policy,
        submissionPolicy: { policy: submission.policy, versionId: submission.versionId },
        calendar: CHINA_HOLIDAYS,
        stationId: desk.station.stationId,
        at: desk.at,
      }),
      context,
      desk.station,
      (record) => this.views.answer(record, desk.at),
    );
  }
}
