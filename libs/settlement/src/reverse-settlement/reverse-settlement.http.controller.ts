import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { ReverseSettlementRequest } from '../shared/bill.request.dto';
import { settlementIdParam } from '../shared/settlement-id';
import type { SettlementRecord } from '../shared/settlement-record';
import { ReverseSettlementCommand } from './reverse-settlement.command';
import { SettlementRecordSchema } from '../shared/settlement.schemas';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlements')
export class ReverseSettlementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':settlementId/reverse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reverse a settlement with a reason',
    description: 'A compensating event restores the benefit year exactly and texts the resident.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({
    description: 'Reversed: the record with its reversal',
    type: SettlementRecordSchema,
  })
  @ApiNotFoundResponse({ description: 'No such settlement' })
  @ApiConflictResponse({ description: 'Already reversed' })
  @ApiForbiddenResponse({ description: 'Settled at another station' })
  @ApiUnprocessableEntityResponse({ description: 'reason missing or too long' })
  reverse(
    @Param('settlementId') settlementId: string,
    @Body() body: ReverseSettlementRequest,
    @Context() context: CommandContext,
  ): Promise<SettlementRecord> {
    return this.commands.execute(
      new ReverseSettlementCommand(settlementIdParam(settlementId), body, context),
    );
  }
}
