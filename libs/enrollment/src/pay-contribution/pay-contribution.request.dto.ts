import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain';

export class PayContributionRequest {
  @ApiProperty({ example: 32000, description: 'Integer fen, above 0' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({ description: "The bank's or payment app's transaction reference" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string;
}
