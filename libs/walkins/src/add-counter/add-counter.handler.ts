import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { findCounter } from '../../../stations/src/domain/station.state';
import { StationBook } from '../stations/station-book';
import { AddCounterCommand } from './add-counter.command';

@CommandHandler(AddCounterCommand)
export class AddCounterHandler implements ICommandHandler<AddCounterCommand> {
  constructor(private readonly stations: StationBook) {}

  async execute(command: AddCounterCommand): Promise<CommandAnswer> {
    const station = await this.stations.station(command.stationId);
    return this.stations.execute(
      command.stationId,
      {
        kind: 'add-counter',
        counterId: command.counterId,
        skills: command.skills ?? station.businesses,
      },
      command.context,
      (after) => ({ status: 201, body: findCounter(after, command.counterId) }),
    );
  }
}
