import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEMO_DISTRICT, StationProfile } from './domain/demo-district';
import { StationProfileSchema } from './station.schemas';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('stations')
export class StationDirectoryController {
  @Get()
  @ApiOkResponse({ type: [StationProfileSchema] })
  list(): readonly StationProfile[] {
    return DEMO_DISTRICT;
  }
}
