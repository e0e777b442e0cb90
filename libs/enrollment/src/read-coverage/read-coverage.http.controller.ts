import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { ReadCoverageQuery, type SupervisedCoverage } from './read-coverage.query';

@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('residents')
export class ReadCoverageController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':residentId/coverage')
  @ApiOperation({
    summary:
      "A resident's coverage from the read model: years, paid, employment, qualifications, filings",
  })
  @ApiOkResponse({
    description: `{residentId, years, employments, filings, qualifications, transfers}; each year carries policyWarning. ${POLICY_WARNING_NOTE}`,
  })
  coverage(@Param('residentId') residentId: string): Promise<SupervisedCoverage> {
    return this.queries.execute(new ReadCoverageQuery(residentId));
  }
}
