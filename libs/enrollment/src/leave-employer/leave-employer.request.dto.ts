import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class LeaveEmployerRequest {
  @ApiProperty({ example: '2022-08-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  leftOn!: string;
}
