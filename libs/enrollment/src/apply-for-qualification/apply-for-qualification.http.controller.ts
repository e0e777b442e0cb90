import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Qualification, WithPolicyWarning } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { ApplyForQualificationCommand } from './apply-for-qualification.command';
import { ApplyForQualificationRequest } from './apply-for-qualification.request.dto';
import { QualificationSchema } from '../shared/person-records.schemas';

@ApiTags('chronic qualification')
@ApiBearerAuth()
@Controller('residents')
export class ApplyForQualificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/qualifications')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Apply for outpatient chronic/special disease qualification (CHRONIC_QUALIFICATION)',
    description:
      "Residents and employees. The disease must be on the list of the policy in force on the day of the application, in the person's region; the answer carries the deadline from that policy's limit (working days with holidays skipped, or calendar days).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: QualificationSchema,
    description: `The pending application with its deadline and policyVersion. ${POLICY_WARNING_NOTE}`,
  })
  @ApiConflictResponse({ description: 'Already applied for or qualified for this disease' })
  apply(
    @Param('residentId') residentId: string,
    @Body() body: ApplyForQualificationRequest,
    @Context() context: CommandContext,
  ): Promise<WithPolicyWarning<Qualification>> {
    return this.commands.execute(new ApplyForQualificationCommand(residentId, body, context));
  }
}
