import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { KioskRoute } from '@circle/platform';
import { DEMO_DISTRICT, StationProfile } from '../domain/demo-district';
import { StationProfileSchema } from '../station.schemas';
import { SERVED_KINDS, ServedKinds } from './served-kinds';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('stations')
export class StationProfileController {
  constructor(@Inject(SERVED_KINDS) private readonly kinds: ServedKinds) {}

  @Get(':stationId')
  @KioskRoute()
  @ApiOkResponse({ type: StationProfileSchema })
  @ApiNotFoundResponse({ description: 'No such station, or not one this app serves' })
  profile(@Param('stationId') stationId: string): StationProfile {
    const station = DEMO_DISTRICT.find((s) => s.stationId === stationId);
    if (!station || !this.kinds.includes(station.kind))
      throw new NotFoundException(`station ${stationId} is not served here`);
    return station;
  }
}
