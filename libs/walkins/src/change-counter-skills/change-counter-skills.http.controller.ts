import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { CounterSchema } from '../http/walkins.schemas';
import { ChangeCounterSkillsCommand } from './change-counter-skills.command';
import { ChangeCounterSkillsRequest } from './change-counter-skills.request.dto';

@ApiTags('counters')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/counters/:counterId/skills')
export class ChangeCounterSkillsController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the business items a counter calls (admin)',
    description: 'Only items the station handles; the next call-next uses the new skills.',
  })
  @ApiOkResponse({ type: CounterSchema })
  async change(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @Body() body: ChangeCounterSkillsRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new ChangeCounterSkillsCommand(
        stationId,
        counterId,
        body.skills,
        commandContext(request, principal, stationId),
      ),
    );
    return answer.body;
  }
}
