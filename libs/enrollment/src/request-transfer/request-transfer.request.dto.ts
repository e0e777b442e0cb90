import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { TRANSFER_DIRECTIONS, type TransferDirection } from '../domain';

export class RequestTransferRequest {
  @ApiProperty({ enum: TRANSFER_DIRECTIONS, description: 'out: leaving the region; in: arriving' })
  @IsIn(TRANSFER_DIRECTIONS)
  direction!: TransferDirection;

  @ApiProperty({ example: 'jinan-lixia', description: 'The region on the other side' })
  @IsString()
  @Length(1, 100)
  otherRegion!: string;
}
