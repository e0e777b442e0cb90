import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { Roles } from '@circle/platform';
import { ErasePersonCommand, type PersonErasedAnswer } from './erase-person.command';

export class PersonErasedSchema {
  @ApiProperty({ example: '370811198503120411' }) residentId!: string;
  @ApiProperty({ type: Boolean, enum: [true] }) erased!: true;
}

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class ErasePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Erase a person's personal data (admins)",
    description:
      "Deletes the person's key, so their name, phone and address stop opening in every copy " +
      'of the log, and records enrollment.PersonErased: read models show them as [erased]. ' +
      'Contributions, coverage and every total stay as recorded; the ID number stays as the ' +
      'key of their records. No name, phone or address is taken for them afterwards (409). ' +
      'A repeat answers the same and records nothing.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: PersonErasedSchema })
  @ApiNotFoundResponse({ description: 'Nobody with this ID is on record' })
  @ApiForbiddenResponse({ description: 'Admins only' })
  erase(
    @Param('residentId') residentId: string,
    @Context() context: CommandContext,
  ): Promise<PersonErasedAnswer> {
    return this.commands.execute(new ErasePersonCommand(residentId, context));
  }
}
