import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import {
  ChangeInformationCommand,
  type InformationChangedAnswer,
} from './change-information.command';
import { ChangeInformationRequest } from './change-information.request.dto';
import { InformationChangedSchema } from '../shared/person-records.schemas';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class ChangeInformationController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':residentId')
  @ApiOperation({
    summary: 'Change insured information (CHANGE_INFO); the old values are kept as history',
    description: 'Name, phone, address, community, household, category. The ID never changes.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({
    type: InformationChangedSchema,
    description: '{changes: [{field, from, to}], person}',
  })
  @ApiNotFoundResponse({ description: 'Nobody with this ID is on record' })
  change(
    @Param('residentId') residentId: string,
    @Body() body: ChangeInformationRequest,
    @Context() context: CommandContext,
  ): Promise<InformationChangedAnswer> {
    return this.commands.execute(new ChangeInformationCommand(residentId, body, context));
  }
}
