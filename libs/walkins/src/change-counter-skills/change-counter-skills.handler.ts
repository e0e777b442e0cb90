import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { findCounter } from '../../../stations/src/domain/station.state';
import { StationBook } from '../stations/station-book';
import { ChangeCounterSkillsCommand } from './change-counter-skills.command';

@CommandHandler(ChangeCounterSkillsCommand)
export class ChangeCounterSkillsHandler implements ICommandHandler<ChangeCounterSkillsCommand> {
  constructor(private readonly stations: StationBook) {}

  execute(command: ChangeCounterSkillsCommand): Promise<CommandAnswer> {
    return this.stations.execute(
      command.stationId,
      { kind: 'change-skills', counterId: command.counterId, skills: command.skills },
      command.context,
      (after) => ({ status: 200, body: findCounter(after, command.counterId) }),
    );
  }
}
