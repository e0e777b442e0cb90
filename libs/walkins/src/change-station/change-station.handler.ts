import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { stationView } from '../http/counter-view';
import { StationBook } from '../stations/station-book';
import { ChangeStationCommand } from './change-station.command';

@CommandHandler(ChangeStationCommand)
export class ChangeStationHandler implements ICommandHandler<ChangeStationCommand> {
  constructor(private readonly stations: StationBook) {}

  execute(command: ChangeStationCommand): Promise<CommandAnswer> {
    return this.stations.execute(
      command.stationId,
      { kind: 'change-details', changes: command.changes },
      command.context,
      (after) => ({ status: 200, body: stationView(after) }),
    );
  }
}
