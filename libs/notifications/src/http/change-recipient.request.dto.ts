import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { LANGUAGES, type Language } from '../domain/language';

export class ChangeRecipientRequest {
  @ApiPropertyOptional({
    description: 'true stops every message to this number; false lets them go again',
  })
  @IsOptional()
  @IsBoolean()
  optedOut?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language messages are written in' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
