import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class DecisionRequest {
  @ApiPropertyOptional({ description: 'Required to reject or refuse; shown to the resident' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
