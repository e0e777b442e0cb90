import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { ChangeStationCommand } from './change-station.command';
import { ChangeStationRequest } from './change-station.request.dto';

@ApiTags('stations')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId')
export class ChangeStationController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @Roles('admin')
  @ApiOperation({
    summary: 'Edit a station (admin): names, location, businesses, opening hours, fairness ratio',
    description:
      'Businesses stay within what the station kind may handle (DOMAIN catalogue); narrowing ' +
      'them is refused while a counter is still skilled for a dropped item.',
  })
  @ApiOkResponse({ description: 'the station with its counters' })
  async change(
    @Param('stationId') stationId: string,
    @Body() body: ChangeStationRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new ChangeStationCommand(
        stationId,
        { ...body },
        commandContext(request, principal, stationId),
      ),
    );
    return answer.body;
  }
}
