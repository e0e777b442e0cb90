import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { MOBILE } from '../enroll-resident/enroll-resident.request.dto';

/** Name and birth date together, or the phone alone (which goes together is the domain's rule). */
export class FindPersonQuery {
  @ApiPropertyOptional({ example: '王小明', minLength: 1, maxLength: 50 })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ example: '1985-04-02', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ example: '13800138000', pattern: MOBILE.source })
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 1' })
  phone?: string;
}
