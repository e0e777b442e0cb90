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
import type { Qualification } from '../domain';
import { IDEMPOTENCY_HEADER } from '../shared/api-docs';
import { Context, type CommandContext } from '../shared/command-context';
import { ApplyForQualificationCommand } from './apply-for-qualification.command';
import { ApplyForQualificationRequest } from './apply-for-qualification.request.dto';

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
      "The disease must be on the list of the policy of the benefit year; the answer carries the deadline (the policy's working-day limit, holidays skipped).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'The pending application with its deadline' })
  @ApiConflictResponse({ description: 'Already applied for or qualified for this disease' })
  apply(
    @Param('residentId') residentId: string,
    @Body() body: ApplyForQualificationRequest,
    @Context() context: CommandContext,
  ): Promise<Qualification> {
    return this.commands.execute(new ApplyForQualificationCommand(residentId, body, context));
  }
}
