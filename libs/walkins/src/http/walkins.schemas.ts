import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_CODES } from '@circle/stations';
import { PRIORITY_CLASSES } from '../domain/priority-class';
import { NOT_HANDLED_REASONS, RECORD_KINDS, SERVICE_OUTCOMES } from '../domain/service-outcome';
import { TICKET_STATUSES } from '../domain/station-queue.state';

/** Response shapes, for /docs only: the handlers build plain objects of the same shape. */
export class EstimatedWaitSchema {
  @ApiProperty({ example: 4 }) minMinutes!: number;
  @ApiProperty({ example: 9 }) maxMinutes!: number;
}

export class IssuedTicketSchema {
  @ApiProperty({ example: 'town-1-20240603-0012' }) ticketId!: string;
  @ApiProperty({ example: 'A012' }) number!: string;
  @ApiProperty({ enum: BUSINESS_CODES }) business!: string;
  @ApiProperty({ enum: ['regular', ...PRIORITY_CLASSES] }) priorityClass!: string;
  @ApiProperty({ description: '1 is next among tickets the same counters serve' })
  position!: number;
  @ApiProperty({ type: EstimatedWaitSchema }) estimatedWait!: EstimatedWaitSchema;
}

export class TicketSchema {
  @ApiProperty({ example: 'town-1-20240603-0012' }) ticketId!: string;
  @ApiProperty({ example: 'town-1' }) stationId!: string;
  @ApiProperty({ example: 'A012' }) number!: string;
  @ApiProperty({ enum: BUSINESS_CODES }) business!: string;
  @ApiProperty({ enum: ['regular', ...PRIORITY_CLASSES] }) priorityClass!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: string;
  @ApiProperty({ description: 'first arrival; a transfer keeps it' }) arrivedAt!: string;
  @ApiProperty() recalls!: number;
  @ApiPropertyOptional() counterId?: string;
  @ApiPropertyOptional() calledAt?: string;
  @ApiPropertyOptional() startedAt?: string;
  @ApiPropertyOptional() finishedAt?: string;
  @ApiPropertyOptional({ enum: SERVICE_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ description: 'the record the work produced' }) recordId?: string;
  @ApiPropertyOptional({ enum: RECORD_KINDS }) recordKind?: string;
  @ApiPropertyOptional({ enum: NOT_HANDLED_REASONS, description: 'why it was not handled' })
  reason?: string;
  @ApiPropertyOptional({ description: "the clerk's words on a not-handled ticket" })
  note?: string;
  @ApiPropertyOptional({ description: 'a transfer sent the resident to this counter' })
  reservedCounterId?: string;
  @ApiPropertyOptional() transferredFrom?: string;
  @ApiPropertyOptional() transferredTo?: string;
  @ApiPropertyOptional({ description: 'only while waiting' }) position?: number;
  @ApiPropertyOptional({ type: EstimatedWaitSchema }) estimatedWait?: EstimatedWaitSchema;
}

export class CalledTicketSchema {
  @ApiProperty({ type: TicketSchema }) ticket!: TicketSchema;
}

export class TransferredTicketSchema {
  @ApiProperty({ type: TicketSchema, description: 'the old ticket, now transferred' })
  from!: TicketSchema;
  @ApiProperty({ type: TicketSchema, description: 'the new ticket, waiting at the destination' })
  ticket!: TicketSchema;
}

export class NearbyStationSchema {
  @ApiProperty() stationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() distanceKm!: number;
  @ApiProperty() travelMinutes!: number;
}

export class WrongStationSchema {
  @ApiProperty({ example: 'wrong_station' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ example: [{ field: 'business', problem: 'is not handled at station town-1' }] })
  fields!: object[];
  @ApiProperty({ type: [NearbyStationSchema] }) nearestStations!: NearbyStationSchema[];
  @ApiProperty({
    description:
      'How the minutes were reckoned: `road-network` (door-to-door on the imported geography, ' +
      'as the coverage counts them), or `straight-line` at WALKINS_TRAVEL_KMH while none is loaded',
    example: {
      method: 'road-network',
      mode: 'cycling',
      geographyId: '5d1f0c9a3be24e7781f0aa42',
      synthetic: true,
      note: "door-to-door cycling minutes on the district's road network",
    },
  })
  travel!: object;
}

export class CounterSchema {
  @ApiProperty({ example: '3' }) counterId!: string;
  @ApiProperty({ enum: ['open', 'paused', 'closed'] }) status!: string;
  @ApiProperty({ enum: BUSINESS_CODES, isArray: true }) skills!: string[];
  @ApiPropertyOptional({ description: 'who last opened, paused or closed it' }) clerk?: string;
  @ApiPropertyOptional({ description: 'the ticket called or in service there' })
  currentTicket?: object;
}
