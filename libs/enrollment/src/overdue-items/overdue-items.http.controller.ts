import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import { InvalidEnrollmentInput } from '../domain';
import type { OverdueItem } from '../read-side/enrollment-read-model';
import { OverdueItemsQuery } from './overdue-items.query';
import { OverdueItemSchema } from './overdue-item.schemas';

const DEFAULT_WITHIN_MINUTES = 4 * 60;

function withinMinutes(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_WITHIN_MINUTES;
  if (!/^\d{1,5}$/.test(raw))
    throw new InvalidEnrollmentInput('withinMinutes', 'must be a whole number of minutes');
  return Number(raw);
}

const WITHIN = {
  name: 'withinMinutes',
  required: false,
  description: `Also list items due within this many minutes (default ${DEFAULT_WITHIN_MINUTES})`,
};

@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor')
@Controller()
export class OverdueItemsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('qualifications/overdue')
  @ApiOperation({
    summary: 'Chronic qualifications pending past or near their deadline (1 working day)',
  })
  @ApiQuery(WITHIN)
  @ApiOkResponse({
    type: [OverdueItemSchema],
    description: 'Most urgent first; overdue ones have negative minutesLeft',
  })
  qualifications(@Query('withinMinutes') within?: string): Promise<OverdueItem[]> {
    return this.queries.execute(new OverdueItemsQuery('qualification', withinMinutes(within)));
  }

  @Get('transfers/overdue')
  @ApiOperation({ summary: 'Coverage transfers pending past or near their deadline (15 days)' })
  @ApiQuery(WITHIN)
  @ApiOkResponse({
    type: [OverdueItemSchema],
    description: 'Most urgent first; overdue ones have negative minutesLeft',
  })
  transfers(@Query('withinMinutes') within?: string): Promise<OverdueItem[]> {
    return this.queries.execute(new OverdueItemsQuery('transfer', withinMinutes(within)));
  }
}
