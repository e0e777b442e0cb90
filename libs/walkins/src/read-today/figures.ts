import { ApiProperty } from '@nestjs/swagger';
import type { FiguresRow } from '../read-side/walkins-read-model';

export class StationFigures {
  @ApiProperty({ description: 'tickets issued today, transfers in not counted again' })
  issued!: number;
  @ApiProperty({ description: 'services completed' }) served!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty({ description: 'waiting now' }) waiting!: number;
  @ApiProperty({ description: 'arrival to call, over tickets called today' })
  averageWaitSeconds!: number;
  @ApiProperty({ description: 'start (or call) to completion' }) averageServiceSeconds!: number;
}

export class ClerkFigures {
  @ApiProperty() clerk!: string;
  @ApiProperty({ description: 'tickets this clerk called' }) called!: number;
  @ApiProperty() served!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty() averageWaitSeconds!: number;
  @ApiProperty() averageServiceSeconds!: number;
}

const whole = (value: string | null | undefined) => Math.round(Number(value ?? 0));

export function stationFigures(row: FiguresRow): StationFigures {
  return {
    issued: whole(row.issued),
    served: whole(row.served),
    noShows: whole(row.no_shows),
    waiting: whole(row.waiting),
    averageWaitSeconds: whole(row.average_wait_seconds),
    averageServiceSeconds: whole(row.average_service_seconds),
  };
}

export function clerkFigures(row: FiguresRow): ClerkFigures {
  return {
    clerk: row.clerk ?? '',
    called: whole(row.called),
    served: whole(row.served),
    noShows: whole(row.no_shows),
    averageWaitSeconds: whole(row.average_wait_seconds),
    averageServiceSeconds: whole(row.average_service_seconds),
  };
}
