import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import { CarriedForwardPoliciesSchema } from '../shared/policy.schemas';
import {
  CarriedForwardPoliciesQuery,
  type CarriedForwardPolicies,
} from './carried-forward-policies.query';

@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('policies')
export class CarriedForwardPoliciesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('carried-forward')
  @ApiOperation({
    summary: 'Regions running today on a policy version past the period its notice names',
    description:
      'A version stays in force until a later one of its region takes effect; a region listed here has no newer notice on file, and every answer priced by it carries a policyWarning.',
  })
  @ApiOkResponse({ type: CarriedForwardPoliciesSchema })
  list(): Promise<CarriedForwardPolicies> {
    return this.queries.execute(new CarriedForwardPoliciesQuery());
  }
}
