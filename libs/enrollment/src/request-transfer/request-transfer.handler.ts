import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import {
  CHINA_HOLIDAYS,
  transferWithWarning,
  type Transfer,
  type WithPolicyWarning,
} from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { RequestTransferCommand } from './request-transfer.command';

@CommandHandler(RequestTransferCommand)
export class RequestTransferHandler implements ICommandHandler<RequestTransferCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute({
    residentId,
    request,
    context,
  }: RequestTransferCommand): Promise<WithPolicyWarning<Transfer>> {
    const transferId = randomUUID();
    return this.desk.handle({
      business: 'TRANSFER',
      residentId,
      context,
      command: ({ station, at }) => ({
        kind: 'RequestTransfer',
        transferId,
        direction: request.direction,
        otherRegion: request.otherRegion,
        policies: this.policies,
        calendar: CHINA_HOLIDAYS,
        stationId: station.stationId,
        at,
      }),
      answer: ({ state }) => {
        const transfer = state.transfers.find((t) => t.transferId === transferId);
        if (!transfer) throw new Error('a requested transfer must be on record');
        return transferWithWarning(this.policies, transfer);
      },
    });
  }
}
