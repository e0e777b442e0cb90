import { Controller, Get, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import type { AuditPage } from './audit-entry';
import { AuditLog } from './audit-log.repository';
import { AuditQuery } from './audit.request.dto';

const DEFAULT_PAGE = 100;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Who did what, when, at which station (newest first)',
    description:
      "Built from every event's metadata (actor, stationId, correlationId). ID and phone " +
      'numbers in stream ids are masked. Page on with `before` = the answer’s `nextBefore`.',
  })
  @ApiOkResponse({
    description:
      '{entries: [{position, at, actor, stationId, action, streamId, correlationId}], nextBefore}',
  })
  async list(@Query() query: AuditQuery): Promise<AuditPage> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (date && Number.isNaN(date.getTime())) throw invalid(field, 'is not a real date and time');
    if (from && to && from >= to) throw invalid('to', 'must be later than from');
    const limit = query.limit ?? DEFAULT_PAGE;
    const entries = await this.log.entries({ ...query, from, to, limit });
    const last = entries.at(-1);
    return { entries, nextBefore: entries.length === limit && last ? last.position : null };
  }
}

function invalid(field: string, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    error: 'validation_failed',
    message: `${field} ${problem}`,
    fields: [{ field, problem }],
  });
}
