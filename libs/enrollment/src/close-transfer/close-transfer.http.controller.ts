import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DecisionRequest } from '../decide-qualification/decide-qualification.request.dto';
import type { Transfer } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { CloseTransferCommand } from './close-transfer.command';
import { TransferSchema } from '../shared/person-records.schemas';

@ApiTags('coverage transfer')
@ApiBearerAuth()
@Controller('residents')
export class CloseTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/transfers/:transferId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a pending transfer; a late one is marked so' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: TransferSchema, description: 'The closed transfer' })
  @ApiConflictResponse({ description: 'Already closed' })
  complete(
    @Param('residentId') residentId: string,
    @Param('transferId') transferId: string,
    @Body() body: DecisionRequest,
    @Context() context: CommandContext,
  ): Promise<Transfer> {
    return this.commands.execute(
      new CloseTransferCommand(residentId, transferId, 'complete', body, context),
    );
  }

  @Post(':residentId/transfers/:transferId/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a pending transfer, with the reason the resident reads' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: TransferSchema, description: 'The closed transfer' })
  @ApiConflictResponse({ description: 'Already closed' })
  refuse(
    @Param('residentId') residentId: string,
    @Param('transferId') transferId: string,
    @Body() body: DecisionRequest,
    @Context() context: CommandContext,
  ): Promise<Transfer> {
    return this.commands.execute(
      new CloseTransferCommand(residentId, transferId, 'refuse', body, context),
    );
  }
}
