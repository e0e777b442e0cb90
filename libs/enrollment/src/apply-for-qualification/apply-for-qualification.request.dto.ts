import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ApplyForQualificationRequest {
  @ApiProperty({ example: 'hypertension', description: "A disease code of the policy's list" })
  @IsString()
  @Length(1, 64)
  disease!: string;

  @ApiPropertyOptional({
    example: 2022,
    description: 'Benefit year; the latest enrolled if absent',
  })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(9999)
  year?: number;
}
