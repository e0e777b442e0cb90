import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, MaxLength } from 'class-validator';
import { MAX_LINES } from '../domain';
import { ClaimLineRequest } from '../submit-claim/submit-claim.request.dto';

export class AdjustClaimRequest {
  @ApiProperty({
    type: [ClaimLineRequest],
    minItems: 1,
    maxItems: MAX_LINES,
    description: 'The lines as they now stand, all of them',
  })
  @IsArray()
  lines!: unknown[];

  @ApiProperty({ example: '床位费超出标准部分自付', minLength: 1, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  reason!: string;
}
