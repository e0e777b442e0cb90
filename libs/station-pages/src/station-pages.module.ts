import { Module } from '@nestjs/common';
import { StationPagesController } from './station-pages.http.controller';

/** Serves the station's web pages: /console, /kiosk/{stationId}, /board/{stationId}. */
@Module({ controllers: [StationPagesController] })
export class StationPagesModule {}
