import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { StationDetailsChanged } from '../../../stations/src/domain/station.events';
import type { CommandContext } from '../streams/event-stream';

export class ChangeStationCommand extends Command<CommandAnswer> {
  constructor(
    readonly stationId: string,
    readonly changes: StationDetailsChanged['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
