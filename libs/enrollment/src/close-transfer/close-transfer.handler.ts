import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Transfer } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { CloseTransferCommand } from './close-transfer.command';

@CommandHandler(CloseTransferCommand)
export class CloseTransferHandler implements ICommandHandler<CloseTransferCommand> {
  constructor(private readonly desk: PersonDesk) {}

  execute(command: CloseTransferCommand): Promise<Transfer> {
    const { transferId, outcome } = command;
    return this.desk.handle({
      business: 'TRANSFER',
      residentId: command.residentId,
      context: command.context,
      command: ({ station, at }) => ({
        kind: 'CloseTransfer',
        transferId,
        outcome,
        reason: command.request.reason ?? null,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }) => {
        const transfer = state.transfers.find((t) => t.transferId === transferId);
        if (!transfer) throw new Error('a closed transfer must be on record');
        return transfer;
      },
    });
  }
}
