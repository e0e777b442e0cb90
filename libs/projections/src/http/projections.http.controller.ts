import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@circle/kernel';
import { Roles } from '@circle/platform';
import { LagGauges } from '../nest/lag-gauges';
import { ProjectionRuntime } from '../nest/projection-runtime';
import { PROJECTIONS, type ProjectionSet } from '../nest/projection-tokens';
import { DeadLetterReplayer } from '../replay/dead-letter-replayer';
import type { ProjectionStatus } from '../status/projection-status';
import { readStatus } from '../status/status-reader';
import { listDeadLetters, type DeadLetter } from '../store/dead-letters';

interface ReplayAllAnswer {
  projection: string;
  replayed: number;
  failed: { id: string; error: string }[];
}

/** Operations on the read side: how far behind each projection is, and its parked events. */
@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
@Roles('supervisor')
export class ProjectionsController {
  constructor(
    private readonly runtime: ProjectionRuntime,
    private readonly gauges: LagGauges,
    private readonly replayer: DeadLetterReplayer,
    @Inject(PROJECTIONS) private readonly projections: ProjectionSet,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Per projection: lag in events and ms, parked dead letters' })
  async status(): Promise<ProjectionStatus[]> {
    let statuses: ProjectionStatus[];
    try {
      const admin = await this.runtime.kafkaAdmin();
      statuses = await readStatus(this.runtime.db, admin, [...this.projections.values()]);
    } catch (error) {
      throw new ServiceUnavailableException(`projection lag is unknown: ${String(error)}`);
    }
    this.gauges.record(statuses);
    return statuses;
  }

  @Get('dead-letters')
  @ApiQuery({ name: 'projection', required: false })
  deadLetters(@Query('projection') projection?: string): Promise<DeadLetter[]> {
    return listDeadLetters(this.runtime.db, projection || undefined);
  }

  @Post('dead-letters/:id/replay')
  @Roles('admin')
  @HttpCode(200)
  async replayOne(@Param('id') id: string): Promise<{ id: string; replayed: true }> {
    const result = await this.replayer.replay(id);
    if (!result.replayed)
      throw new DomainError('conflict', 'replay_failed', `dead letter ${id} still fails`, [], {
        id,
        cause: result.error,
      });
    return { id, replayed: true };
  }

  @Post(':name/dead-letters/replay')
  @Roles('admin')
  @HttpCode(200)
  async replayAll(@Param('name') name: string): Promise<ReplayAllAnswer> {
    const results = await this.replayer.replayAll(name);
    return {
      projection: name,
      replayed: results.filter((r) => r.replayed).length,
      failed: results.flatMap((r) => (r.replayed ? [] : [{ id: r.id, error: r.error }])),
    };
  }
}
