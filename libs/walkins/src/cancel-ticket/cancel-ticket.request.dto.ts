import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CancelTicketRequest {
  @ApiPropertyOptional({ example: 'left before being called' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
