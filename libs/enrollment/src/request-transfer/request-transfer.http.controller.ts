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
import type { Transfer, WithPolicyWarning } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { RequestTransferCommand } from './request-transfer.command';
import { RequestTransferRequest } from './request-transfer.request.dto';
import { RequestedTransferSchema } from '../shared/person-records.schemas';

@ApiTags('coverage transfer')
@ApiBearerAuth()
@Controller('residents')
export class RequestTransferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/transfers')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Request a coverage transfer between regions (TRANSFER, hall only)',
    description:
      "Residents and employees. Starts the clock of the policy in force on the day of the request, in the person's region (15 working days).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: RequestedTransferSchema,
    description: `The pending transfer with its deadline. ${POLICY_WARNING_NOTE}`,
  })
  @ApiForbiddenResponse({ description: 'Only the hall handles transfers; the message says so' })
  request(
    @Param('residentId') residentId: string,
    @Body() body: RequestTransferRequest,
    @Context() context: CommandContext,
  ): Promise<WithPolicyWarning<Transfer>> {
    return this.commands.execute(new RequestTransferCommand(residentId, body, context));
  }
}
