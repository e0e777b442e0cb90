import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The OpenAPI shape of a station's live queue (live-queue.ts builds it); entries are kept open
// objects, as the console and the board read them field by field.

const entries = (description: string) =>
  ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description,
  });

export class LiveQueueSchema {
  @ApiProperty({ example: 'town-1' }) stationId!: string;
  @ApiProperty({ example: '2024-06-03' }) day!: string;
  @entries('runs of ISO weekdays with the same hours: {days, opens, closes}')
  openingHours!: object[];
  @ApiProperty({ description: 'regular calls allowed per priority call' }) fairnessRatio!: number;
  @ApiPropertyOptional({ description: 'set when narrowed to what one counter may call' })
  counterId?: string;
  @entries('waiting tickets in call order, each with position and estimatedWait')
  waiting!: object[];
  @entries('counters with the ticket at each') counters!: object[];
  @entries('the latest calls, newest first') lastCalls!: object[];
  @ApiProperty({ type: 'integer', description: 'priority calls since the last regular one' })
  priorityStreak!: number;
}

/** The supervisor's reading of the same queue, from its read model. */
export class QueueReadingSchema {
  @ApiProperty({ example: 'town-1' }) stationId!: string;
  @ApiProperty({ example: '2024-06-03' }) day!: string;
  @entries('waiting tickets in call order, each with position and estimatedWait')
  waiting!: object[];
  @entries('counters with the ticket at each') counters!: object[];
  @ApiProperty({ type: 'integer', description: 'priority calls since the last regular one' })
  priorityStreak!: number;
}
