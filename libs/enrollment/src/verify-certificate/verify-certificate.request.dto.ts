import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/** The facts as printed on the certificate, and its code. */
export class VerifyCertificateRequest {
  @ApiProperty({ example: '370811198504021234', pattern: '^\\d{17}[\\dXx]$' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: 'must be an 18-character resident ID' })
  residentId!: string;

  @ApiProperty({ example: '赵秀英', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ type: 'integer', example: 2026, minimum: 1990, maximum: 9999 })
  @IsInt()
  @Min(1990)
  @Max(9999)
  year!: number;

  @ApiProperty({ enum: ['resident', 'employee'] })
  @IsIn(['resident', 'employee'])
  scheme!: 'resident' | 'employee';

  @ApiProperty({ enum: ['active', 'awaiting-payment'] })
  @IsIn(['active', 'awaiting-payment'])
  status!: 'active' | 'awaiting-payment';

  @ApiProperty({ example: 'taibai-lake', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  region!: string;

  @ApiProperty({ example: '2026-12-05', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, YYYY-MM-DD' })
  issuedOn!: string;

  @ApiProperty({ example: 'town-1', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  stationId!: string;

  @ApiProperty({ example: '7K2M-9QXD-A4TR-0BHC', minLength: 1, maxLength: 40 })
  @IsString()
  @Length(1, 40)
  code!: string;
}
