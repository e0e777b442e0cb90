import { Command } from '@nestjs/cqrs';
import type { Filing, WithPolicyWarning } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { FileOffsiteTreatmentRequest } from './file-offsite-treatment.request.dto';

export class FileOffsiteTreatmentCommand extends Command<WithPolicyWarning<Filing>> {
  constructor(
    readonly residentId: string,
    readonly request: FileOffsiteTreatmentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
