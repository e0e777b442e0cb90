import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { GetEmployerQuery, type EmployerView } from './get-employer.query';
import { EmployerViewSchema } from '../shared/person-records.schemas';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class GetEmployerController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':creditCode')
  @ApiOperation({ summary: 'An employer and its employees, past and present' })
  @ApiOkResponse({
    type: EmployerViewSchema,
    description: '{employer, employees: [{residentId, maskedName, joinedOn, leftOn}]}',
  })
  employer(
    @Param('creditCode') creditCode: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployerView> {
    return this.queries.execute(new GetEmployerQuery(creditCode, principal));
  }
}
