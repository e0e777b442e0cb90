import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isIsoDate } from '@circle/policy';
import { InvalidEnrollmentInput, type Filing } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { FileOffsiteTreatmentCommand } from './file-offsite-treatment.command';

function realDate(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value)) throw new InvalidEnrollmentInput(field, `${value} is not a real date`);
  return value;
}

@CommandHandler(FileOffsiteTreatmentCommand)
export class FileOffsiteTreatmentHandler implements ICommandHandler<FileOffsiteTreatmentCommand> {
  constructor(private readonly desk: PersonDesk) {}

  execute({ residentId, request, context }: FileOffsiteTreatmentCommand): Promise<Filing> {
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
        destinationHospital: request.destinationHospital ?? null,
        validFrom,
        validTo,
        stationId: station.stationId,
        stationKind: station.kind,
        at,
      }),
      answer: ({ state }) => {
        const filing = state.filings.find((f) => f.filingId === filingId);
        if (!filing) throw new Error('a filing must be on record once filed');
        return filing;
      },
    });
  }
}
