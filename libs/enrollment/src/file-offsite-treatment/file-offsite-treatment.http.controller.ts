import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Filing, WithPolicyWarning } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { FileOffsiteTreatmentCommand } from './file-offsite-treatment.command';
import { FileOffsiteTreatmentRequest } from './file-offsite-treatment.request.dto';
import { FilingSchema } from '../shared/person-records.schemas';

@ApiTags('off-site filing')
@ApiBearerAuth()
@Controller('residents')
export class FileOffsiteTreatmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/filings')
  @HttpCode(201)
  @ApiOperation({
    summary: 'File off-site treatment (OFFSITE_FILING)',
    description:
      'Relocated, long-term resident elsewhere, referral or temporary. Hospital stations file referrals only.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: FilingSchema, description: `The filing. ${POLICY_WARNING_NOTE}` })
  @ApiUnprocessableEntityResponse({
    description:
      'A field is wrong, or the policy in force no longer asks for this filing (filingType: no filing is needed)',
  })
  @ApiForbiddenResponse({ description: 'Not a business of this station' })
  file(
    @Param('residentId') residentId: string,
    @Body() body: FileOffsiteTreatmentRequest,
    @Context() context: CommandContext,
  ): Promise<WithPolicyWarning<Filing>> {
    return this.commands.execute(new FileOffsiteTreatmentCommand(residentId, body, context));
  }
}
