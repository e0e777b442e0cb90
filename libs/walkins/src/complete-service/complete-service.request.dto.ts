import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  NOT_HANDLED_REASONS,
  NOTE_MAX_LENGTH,
  RECORD_KINDS,
  SERVICE_OUTCOMES,
  type NotHandledReason,
  type RecordKind,
  type ServiceOutcome,
} from '../domain/service-outcome';

export class CompleteServiceRequest {
  @ApiProperty({ enum: SERVICE_OUTCOMES })
  @IsIn(SERVICE_OUTCOMES)
  outcome!: ServiceOutcome;

  @ApiPropertyOptional({
    enum: NOT_HANDLED_REASONS,
    description: 'required with the outcome not-handled, refused with any other',
  })
  @IsOptional()
  @IsIn(NOT_HANDLED_REASONS)
  reason?: NotHandledReason;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: NOTE_MAX_LENGTH,
    description: "the clerk's words on a not-handled ticket; required with the reason other",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'the record the work produced, e.g. a resident ID or a settlement id',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recordId?: string;

  @ApiPropertyOptional({ enum: RECORD_KINDS, description: 'what the record is; needs recordId' })
  @IsOptional()
  @IsIn(RECORD_KINDS)
  recordKind?: RecordKind;
}
