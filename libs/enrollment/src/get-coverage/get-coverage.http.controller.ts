import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import type { CoverageView } from '../domain';
import { yearParam } from '../shared/path-params';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { FHIR_JSON, toFhirCoverage } from './fhir-coverage';
import { GetCoverageQuery } from './get-coverage.query';
import { CoverageSchema } from '../shared/coverage.schemas';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class GetCoverageController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':residentId/coverage')
  @ApiOperation({
    summary: 'Coverage enquiry and certificate (COVERAGE_ENQUIRY)',
    description:
      'Year, scheme, paid, qualifications and filings; as an HL7 FHIR R4 Coverage with Accept: application/fhir+json.',
  })
  @ApiQuery({ name: 'year', required: false, description: 'The latest enrolled year when absent' })
  @ApiHeader({ name: 'Accept', required: false, description: `${FHIR_JSON} for FHIR R4` })
  @ApiOkResponse({
    type: CoverageSchema,
    description: `The coverage; each year and qualification carries policyWarning. ${POLICY_WARNING_NOTE}`,
  })
  @ApiNotFoundResponse({ description: 'Nobody with this ID is on record' })
  async coverage(
    @Param('residentId') residentId: string,
    @Query('year') year: string | undefined,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<CoverageView | Record<string, unknown>> {
    const view = await this.queries.execute(
      new GetCoverageQuery(residentId, yearParam(year), principal),
    );
    if (!accept?.includes(FHIR_JSON)) return view;
    void response.type(FHIR_JSON);
    return toFhirCoverage(view);
  }
}
