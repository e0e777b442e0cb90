import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class RegisterEmployerRequest {
  @ApiProperty({
    example: '91370800MA3C4Y5X1Q',
    description: 'Unified social credit code (GB 32100); the check character is verified',
  })
  @IsString()
  creditCode!: string;

  @ApiProperty({ example: '太白湖机械厂' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'taibai-lake', description: 'A policy region' })
  @IsString()
  region!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  contactPhone?: string;
}
