import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { findCounter } from '../../../stations/src/domain/station.state';
import { StationBook } from '../stations/station-book';
import { SetCounterStatusCommand } from './set-counter-status.command';

@CommandHandler(SetCounterStatusCommand)
export class SetCounterStatusHandler implements ICommandHandler<SetCounterStatusCommand> {
  constructor(private readonly stations: StationBook) {}

  execute(command: SetCounterStatusCommand): Promise<CommandAnswer> {
    return this.stations.execute(
      command.stationId,
      {
        kind: 'set-counter-status',
        counterId: command.counterId,
        status: command.status,
        clerk: command.clerk,
      },
      command.context,
      (station) => ({ status: 200, body: findCounter(station, command.counterId) }),
    );
  }
}
