import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { BenefitYearView } from './benefit-year-view';
import { ReadBenefitYearQuery } from './read-benefit-year.query';
import { yearOf } from './year-param';
import { BenefitYearSchema } from '../shared/settlement.schemas';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('residents')
export class ReadBenefitYearController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':residentId/benefit-year')
  @ApiOperation({
    summary: "A person's benefit year: what each fund has paid and every settlement",
  })
  @ApiQuery({ name: 'year', required: false, description: 'The current year when absent' })
  @ApiOkResponse({ type: BenefitYearSchema, description: 'Totals and settlements of the year' })
  @ApiNotFoundResponse({ description: 'Nobody with this ID is on record' })
  read(
    @Param('residentId') residentId: string,
    @Query('year') year: string | undefined,
  ): Promise<BenefitYearView> {
    return this.queries.execute(new ReadBenefitYearQuery(residentId, yearOf(year)));
  }
}
