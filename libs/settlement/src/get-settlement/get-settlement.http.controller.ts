import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { settlementIdParam } from '../shared/settlement-id';
import type { SettlementRecord } from '../shared/settlement-record';
import { FHIR_JSON, toExplanationOfBenefit } from './fhir-explanation-of-benefit';
import { GetSettlementQuery } from './get-settlement.query';
import { SettlementRecordSchema } from '../shared/settlement.schemas';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlements')
export class GetSettlementController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':settlementId')
  @ApiOperation({
    summary: 'A settlement statement: national fields and every layer',
    description: `As an HL7 FHIR R4 ExplanationOfBenefit (benefitBalance: each cap used and left) with Accept: ${FHIR_JSON}.`,
  })
  @ApiHeader({ name: 'Accept', required: false, description: `${FHIR_JSON} for FHIR R4` })
  @ApiOkResponse({ description: 'The settlement record', type: SettlementRecordSchema })
  @ApiNotFoundResponse({ description: 'No such settlement at this station' })
  async get(
    @Param('settlementId') settlementId: string,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SettlementRecord | Record<string, unknown>> {
    const found = await this.queries.execute(
      new GetSettlementQuery(settlementIdParam(settlementId), principal),
    );
    if (!accept?.includes(FHIR_JSON)) return found.record;
    void response.type(FHIR_JSON);
    return toExplanationOfBenefit(found.record, found.policy);
  }
}
