import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shape of one row of a station's open list (station-open-items.reader.ts). */
export class OpenItemSchema {
  @ApiProperty({ enum: ['qualification', 'transfer'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵*英' }) maskedName!: string;
  @ApiProperty({ example: 'hypertension', description: 'the disease code, or "from → to"' })
  what!: string;
  @ApiProperty({ example: 'hall' }) stationId!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer', description: 'negative once overdue' }) minutesLeft!: number;
}
