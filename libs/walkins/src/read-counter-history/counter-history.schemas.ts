import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_CODES } from '@circle/stations';
import { NOT_HANDLED_REASONS, RECORD_KINDS, SERVICE_OUTCOMES } from '../domain/service-outcome';

/** Response shapes, for /docs only: the handler builds plain objects of the same shape. */
export class CounterHistoryTicketSchema {
  @ApiProperty({ example: 'town-1-20240603-0012' }) ticketId!: string;
  @ApiProperty({ example: 'A012' }) number!: string;
  @ApiProperty({ enum: BUSINESS_CODES }) business!: string;
  @ApiProperty({ enum: ['done', 'no-show', 'cancelled', 'transferred'] }) status!: string;
  @ApiPropertyOptional({ description: 'who called it' }) clerk?: string;
  @ApiPropertyOptional({ format: 'date-time' }) calledAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'start (or call) to completion; 0 unless done',
  })
  serviceSeconds!: number;
  @ApiPropertyOptional({ enum: SERVICE_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ enum: NOT_HANDLED_REASONS }) reason?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() recordId?: string;
  @ApiPropertyOptional({ enum: RECORD_KINDS }) recordKind?: string;
  @ApiPropertyOptional({ description: 'the ticket a transfer issued' }) transferredTo?: string;
}

export class CounterHistoryTotalsSchema {
  @ApiProperty({ type: 'integer', description: 'done, not counting not-handled' }) done!: number;
  @ApiProperty({ type: 'integer' }) notHandled!: number;
  @ApiProperty({ type: 'integer' }) noShows!: number;
  @ApiProperty({ type: 'integer' }) transferred!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null before the first service' })
  averageServiceSeconds!: number | null;
}

export class CounterHistorySchema {
  @ApiProperty({ example: '2024-06-03', description: 'the Asia/Shanghai day' }) day!: string;
  @ApiProperty({ example: '2' }) counterId!: string;
  @ApiProperty({ type: [CounterHistoryTicketSchema], description: 'newest first' })
  tickets!: CounterHistoryTicketSchema[];
  @ApiProperty({ type: CounterHistoryTotalsSchema }) totals!: CounterHistoryTotalsSchema;
}
