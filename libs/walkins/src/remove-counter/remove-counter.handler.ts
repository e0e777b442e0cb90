import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { StationBook } from '../stations/station-book';
import { RemoveCounterCommand } from './remove-counter.command';

@CommandHandler(RemoveCounterCommand)
export class RemoveCounterHandler implements ICommandHandler<RemoveCounterCommand> {
  constructor(private readonly stations: StationBook) {}

  execute(command: RemoveCounterCommand): Promise<CommandAnswer> {
    return this.stations.execute(
      command.stationId,
      { kind: 'remove-counter', counterId: command.counterId },
      command.context,
      () => ({ status: 204, body: undefined }),
    );
  }
}
