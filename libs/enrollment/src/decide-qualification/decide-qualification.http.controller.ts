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
import type { Qualification, WithPolicyWarning } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { DecideQualificationCommand } from './decide-qualification.command';
import { DecisionRequest } from './decide-qualification.request.dto';
import { QualificationSchema } from '../shared/person-records.schemas';

@ApiTags('chronic qualification')
@ApiBearerAuth()
@Controller('residents')
export class DecideQualificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/qualifications/:qualificationId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a pending qualification; a late decision is marked so' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({
    type: QualificationSchema,
    description: `The decided qualification. ${POLICY_WARNING_NOTE}`,
  })
  @ApiConflictResponse({ description: 'Already decided' })
  approve(
    @Param('residentId') residentId: string,
    @Param('qualificationId') qualificationId: string,
    @Body() body: DecisionRequest,
    @Context() context: CommandContext,
  ): Promise<WithPolicyWarning<Qualification>> {
    return this.commands.execute(
      new DecideQualificationCommand(residentId, qualificationId, 'approve', body, context),
    );
  }

  @Post(':residentId/qualifications/:qualificationId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending qualification, with the reason the resident reads' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({
    type: QualificationSchema,
    description: `The decided qualification. ${POLICY_WARNING_NOTE}`,
  })
  @ApiConflictResponse({ description: 'Already decided' })
  reject(
    @Param('residentId') residentId: string,
    @Param('qualificationId') qualificationId: string,
    @Body() body: DecisionRequest,
    @Context() context: CommandContext,
  ): Promise<WithPolicyWarning<Qualification>> {
    return this.commands.execute(
      new DecideQualificationCommand(residentId, qualificationId, 'reject', body, context),
    );
  }
}
