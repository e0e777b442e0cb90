import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SERVICE_OUTCOMES, ServiceOutcome } from '../domain/station-queue.events';

export class CompleteServiceRequest {
  @ApiProperty({ enum: SERVICE_OUTCOMES })
  @IsIn(SERVICE_OUTCOMES)
  outcome!: ServiceOutcome;

  @ApiPropertyOptional({ description: 'the record the work produced, e.g. an enrollment id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recordId?: string;
}
