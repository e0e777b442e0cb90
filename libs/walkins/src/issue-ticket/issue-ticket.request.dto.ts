import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { BUSINESS_CODES, BusinessCode } from '@circle/stations';
import { PRIORITY_CLASSES, PriorityClass } from '../domain/priority-class';

export class IssueTicketRequest {
  @ApiProperty({ enum: BUSINESS_CODES, example: 'ENROLL_RESIDENT' })
  @IsIn(BUSINESS_CODES)
  business!: BusinessCode;

  @ApiPropertyOptional({ description: 'mainland mobile number, for the SMS when called' })
  @IsOptional()
  @Matches(/^1\d{10}$/, { message: 'must be an 11-digit mainland mobile number' })
  phone?: string;

  @ApiPropertyOptional({ description: '18-character resident ID; 70 or older queues as elderly' })
  @IsOptional()
  @IsString()
  residentId?: string;

  @ApiPropertyOptional({ enum: PRIORITY_CLASSES })
  @IsOptional()
  @IsIn(PRIORITY_CLASSES)
  priority?: PriorityClass;
}
