import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { yearParam } from '../shared/path-params';
import { CertificateSchema } from './certificate.schemas';
import { IssueCertificateQuery, type Certificate } from './issue-certificate.query';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class IssueCertificateController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':residentId/certificate')
  @ApiOperation({
    summary: 'Coverage certificate with its verification code (COVERAGE_ENQUIRY)',
    description:
      "The facts a printed certificate states and a code sealing them (HMAC-SHA256 keyed by the district's secret); anyone holding the paper checks it at POST /api/certificates/verify. Stores nothing.",
  })
  @ApiQuery({
    name: 'year',
    required: false,
    schema: { type: 'string', pattern: '^\\d{4}$' },
    description: 'The latest enrolled year when absent',
  })
  @ApiOkResponse({ type: CertificateSchema })
  @ApiUnprocessableEntityResponse({ description: 'A bad resident ID or year; the field is named' })
  @ApiNotFoundResponse({ description: 'Nobody with this ID, or no cover for the year, on record' })
  @ApiForbiddenResponse({ description: 'Not a clerk of a station that handles the enquiry' })
  issue(
    @Param('residentId') residentId: string,
    @Query('year') year: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Certificate> {
    return this.queries.execute(new IssueCertificateQuery(residentId, yearParam(year), principal));
  }
}
