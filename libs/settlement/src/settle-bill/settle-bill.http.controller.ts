import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { SettleBillRequest } from '../shared/bill.request.dto';
import type { SettlementRecord } from '../shared/settlement-record';
import { SettleBillCommand } from './settle-bill.command';
import { SettlementRecordSchema } from '../shared/settlement.schemas';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlements')
export class SettleBillController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Settle a discharge bill in one step (DISCHARGE_SETTLEMENT)',
    description:
      "Splits the bill between the fund layers and the person on the person's benefit year, records it and texts the resident. The tier is the station's.",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    description: 'Settled: the record with its settlementId',
    type: SettlementRecordSchema,
  })
  @ApiUnprocessableEntityResponse({ description: 'A field is wrong; the field is named' })
  @ApiConflictResponse({ description: 'The admission is already settled, or too many at once' })
  @ApiForbiddenResponse({ description: 'Only a hospital station settles at discharge' })
  settle(
    @Body() body: SettleBillRequest,
    @Context() context: CommandContext,
  ): Promise<SettlementRecord> {
    return this.commands.execute(new SettleBillCommand(body, context));
  }
}
