import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { YearCoverage } from '../domain';
import type { EnrollResidentRequest } from './enroll-resident.request.dto';

export interface ResidentEnrolledAnswer extends YearCoverage {
  readonly residentId: string;
  readonly birthDate: string;
  readonly sex: string;
}

export class EnrollResidentCommand extends Command<ResidentEnrolledAnswer> {
  constructor(
    readonly request: EnrollResidentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
