import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEMO_DISTRICT, StationProfile } from './domain/demo-district';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('stations')
export class StationDirectoryController {
  @Get()
  list(): readonly StationProfile[] {
    return DEMO_DISTRICT;
  }
}
