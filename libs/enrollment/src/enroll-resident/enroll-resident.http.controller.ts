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
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { EnrollResidentCommand, type ResidentEnrolledAnswer } from './enroll-resident.command';
import { EnrollResidentRequest } from './enroll-resident.request.dto';
import { ResidentEnrolledSchema } from '../shared/coverage.schemas';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class EnrollResidentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Enroll a resident for a benefit year (ENROLL_RESIDENT)',
    description:
      "Checks the ID, assesses the year's contribution from the region's policy and answers what is to be paid.",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: ResidentEnrolledSchema,
    description: `Enrolled; the contribution assessed, with policyVersion. ${POLICY_WARNING_NOTE}`,
  })
  @ApiUnprocessableEntityResponse({ description: 'A field is wrong; the field is named' })
  @ApiConflictResponse({ description: 'Already enrolled for that year' })
  @ApiForbiddenResponse({ description: 'This station does not handle enrollment' })
  enroll(
    @Body() body: EnrollResidentRequest,
    @Context() context: CommandContext,
  ): Promise<ResidentEnrolledAnswer> {
    return this.commands.execute(new EnrollResidentCommand(body, context));
  }
}
