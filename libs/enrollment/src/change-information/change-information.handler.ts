import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonDesk } from '../shared/person-desk';
import {
  ChangeInformationCommand,
  type InformationChangedAnswer,
} from './change-information.command';

@CommandHandler(ChangeInformationCommand)
export class ChangeInformationHandler implements ICommandHandler<ChangeInformationCommand> {
  constructor(private readonly desk: PersonDesk) {}

  execute(command: ChangeInformationCommand): Promise<InformationChangedAnswer> {
    const { reason, ...changes } = command.request;
    return this.desk.handle({
      business: 'CHANGE_INFO',
      residentId: command.residentId,
      context: command.context,
      command: ({ station, at }) => ({
        kind: 'ChangeInformation',
        changes,
        reason: reason ?? null,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state, events }) => {
        const changed = events.find((e) => e.type === 'enrollment.InsuredInformationChanged');
        if (!state.person) throw new Error('a changed person must be on record');
        return { changes: changed?.data.changes ?? [], person: state.person };
      },
    });
  }
}
