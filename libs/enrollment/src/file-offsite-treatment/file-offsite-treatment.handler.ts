import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isIsoDate, type PolicyBook } from '@circle/policy';
import {
  filingWithWarning,
  InvalidEnrollmentInput,
  type Filing,
  type WithPolicyWarning,
} from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { FileOffsiteTreatmentCommand } from './file-offsite-treatment.command';

function realDate(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value)) throw new InvalidEnrollmentInput(field, `${value} is not a real date`);
  return value;
}

@CommandHandler(FileOffsiteTreatmentCommand)
export class FileOffsiteTreatmentHandler implements ICommandHandler<FileOffsiteTreatmentCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute({
    residentId,
    request,
    context,
  }: FileOffsiteTreatmentCommand): Promise<WithPolicyWarning<Filing>> {
    const filingId = randomUUID();
    const validFrom = realDate(request.validFrom, 'validFrom') ?? '';
    const validTo = realDate(request.validTo, 'validTo');
    return this.desk.handle({
      business: 'OFFSITE_FILING',
      residentId,
      context,
      command: ({ station, at }) => ({
        kind: 'FileOffsiteTreatment',
        filingId,
        filingType: request.filingType,
        destinationRegion: request.destinationRegion,
        destinationScope: request.destinationScope,
        destinationHospital: request.destinationHospital ?? null,
        validFrom,
        validTo,
        policies: this.policies,
        stationId: station.stationId,
        stationKind: station.kind,
        at,
      }),
      answer: ({ state }) => {
        const filing = state.filings.find((f) => f.filingId === filingId);
        if (!filing) throw new Error('a filing must be on record once filed');
        return filingWithWarning(this.policies, state, filing);
      },
    });
  }
}
