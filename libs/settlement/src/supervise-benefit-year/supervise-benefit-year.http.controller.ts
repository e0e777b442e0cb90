import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { checkedResidentId, Clock } from '@circle/enrollment';
import { DomainError } from '@circle/kernel';
import type { BenefitYearView } from '../read-benefit-year/benefit-year-view';
import { yearOf } from '../read-benefit-year/year-param';
import { SettlementReadModel } from '../read-side/settlement-read-model';
import { BenefitYearSchema } from '../shared/settlement.schemas';

/** The supervisor reads the projection: it may trail the hospital stations by a moment. */
@ApiTags('settlement')
@ApiBearerAuth()
@Controller('residents')
export class SuperviseBenefitYearController {
  constructor(
    private readonly readModel: SettlementReadModel,
    private readonly clock: Clock,
  ) {}

  @Get(':residentId/benefit-year')
  @ApiOperation({ summary: "A person's benefit year from the read model" })
  @ApiQuery({ name: 'year', required: false, description: 'The current year when absent' })
  @ApiOkResponse({ type: BenefitYearSchema, description: 'Totals and settlements of the year' })
  @ApiNotFoundResponse({ description: 'Nothing settled for this person in that year' })
  async read(
    @Param('residentId') residentId: string,
    @Query('year') year: string | undefined,
  ): Promise<BenefitYearView> {
    const today = this.clock.shanghaiToday();
    const id = checkedResidentId(residentId, today).id;
    const theYear = yearOf(year) ?? Number(today.slice(0, 4));
    const found = await this.readModel.benefitYear(id, theYear);
    if (!found)
      throw new DomainError(
        'not-found',
        'not_found',
        `nothing settled for this person in ${theYear}`,
      );
    return { residentId: id, year: theYear, ...found };
  }
}
