import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_PROBLEM =
  'must be an ISO 8601 date and time with its zone, e.g. 2026-12-04T08:00+08:00';

export const AUDIT_PAGE_MAX = 500;

export class AuditQuery {
  @ApiPropertyOptional({ example: 'town-1' })
  @IsOptional()
  @Length(1, 64)
  stationId?: string;

  @ApiPropertyOptional({ example: 'clerk-town-1', description: 'The username that acted' })
  @IsOptional()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ example: '2026-12-04T08:00+08:00', description: 'From this time on' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_PROBLEM })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-04T18:00+08:00', description: 'Before this time' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_PROBLEM })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextBefore: older entries only" })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'must be a position from nextBefore' })
  before?: string;
}
