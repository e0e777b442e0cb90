import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BUSINESS_CODES, BusinessCode } from '@circle/stations';

/** At least one of the three; what is left out stays as it was. */
export class TransferTicketRequest {
  @ApiPropertyOptional({ enum: BUSINESS_CODES })
  @IsOptional()
  @IsIn(BUSINESS_CODES)
  toBusiness?: BusinessCode;

  @ApiPropertyOptional({ description: 'only this counter will call the new ticket' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  toCounterId?: string;

  @ApiPropertyOptional({ example: 'hall' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  toStationId?: string;
}
