import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { MOBILE } from '../enroll-resident/enroll-resident.request.dto';

export class EnrollEmployeeRequest {
  @ApiProperty({ description: "The employee's 18-character resident ID" })
  @IsString()
  residentId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 1' })
  phone?: string;

  @ApiProperty({ example: '2022-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  joinedOn!: string;
}
