import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Transfer } from '../domain';
import { IDEMPOTENCY_HEADER } from '../shared/api-docs';
import { Context, type CommandContext } from '../shared/command-context';
import { RequestTransferCommand } from './request-transfer.command';
import { RequestTransferRequest } from './request-transfer.request.dto';

@ApiTags('coverage transfer')
@ApiBearerAuth()
@Controller('residents')
export class RequestTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/transfers')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Request a coverage transfer between regions (TRANSFER, hall only)',
    description: "Starts the policy's 15-working-day clock.",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'The pending transfer with its deadline' })
  @ApiForbiddenResponse({ description: 'Only the hall handles transfers; the message says so' })
  request(
    @Param('residentId') residentId: string,
    @Body() body: RequestTransferRequest,
    @Context() context: CommandContext,
  ): Promise<Transfer> {
    return this.commands.execute(new RequestTransferCommand(residentId, body, context));
  }
}
