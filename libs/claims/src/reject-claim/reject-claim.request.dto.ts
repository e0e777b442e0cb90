import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RejectClaimRequest {
  @ApiProperty({ example: '发票为复印件，请提供原件', minLength: 1, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reason!: string;
}
