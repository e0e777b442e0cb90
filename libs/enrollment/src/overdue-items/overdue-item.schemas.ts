import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of one row of the supervisor's overdue lists (enrollment-read-model.ts). */
export class OverdueItemSchema {
  @ApiProperty({ enum: ['qualification', 'transfer'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵*英' }) maskedName!: string;
  @ApiProperty({ example: '高血压 (hypertension)' }) what!: string;
  @ApiProperty({ example: 'hall' }) stationId!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer', description: 'negative once overdue' }) minutesLeft!: number;
}
