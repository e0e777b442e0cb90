import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Qualification } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { DecideQualificationCommand } from './decide-qualification.command';

@CommandHandler(DecideQualificationCommand)
export class DecideQualificationHandler implements ICommandHandler<DecideQualificationCommand> {
  constructor(private readonly desk: PersonDesk) {}

  execute(command: DecideQualificationCommand): Promise<Qualification> {
    const { qualificationId, outcome } = command;
    return this.desk.handle({
      business: 'CHRONIC_QUALIFICATION',
      residentId: command.residentId,
      context: command.context,
      command: ({ station, at }) => ({
        kind: 'DecideQualification',
        qualificationId,
        outcome,
        reason: command.request.reason ?? null,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }) => {
        const decided = state.qualifications.find((q) => q.qualificationId === qualificationId);
        if (!decided) throw new Error('a decided qualification must be on record');
        return decided;
      },
    });
  }
}
