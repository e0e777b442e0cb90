import { ticketOf } from '../domain/station-queue.state';
import { Controller, MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { KioskRoute, TokenInQuery } from '@circle/platform';
import { Observable, concatMap, from, interval, map, merge } from 'rxjs';
import { Clock } from '../clock';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { LiveFeed, StationChange } from './live-feed.service';
import { ApiEventStreamResponse } from '../http/event-stream.response';

const HEARTBEAT_MS = 15_000;

@ApiTags('walk-ins')
@ApiBearerAuth()
// The display board and the kiosk follow their station's queue with the kiosk account.
@KioskRoute()
@Controller('stations/:stationId')
export class StationEventsController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
  ) {}

  @Sse('events/stream')
  @TokenInQuery()
  @ApiOperation({ summary: 'The same stream as /events, under the longer name' })
  @ApiProduces('text/event-stream')
  @ApiEventStreamResponse()
  eventsStream(@Param('stationId') stationId: string): Promise<Observable<MessageEvent>> {
    return this.events(stationId);
  }

  @Sse('events')
  @ApiOperation({
    summary: 'Live queue changes of a station (Server-Sent Events)',
    description:
      'One unnamed message per walk-in or counter event, data JSON: {type (e.g. TicketCalled), ' +
      'eventType, stationId, ticketId?, number?, counterId?, business?, at, waiting}. ' +
      '`waiting` is the count of tickets waiting now. The first message has type Snapshot. ' +
      'A named `heartbeat` event every 15 s keeps proxies open. EventSource cannot send headers, ' +
      'so the bearer token may come as ?access_token=.',
  })
  @ApiProduces('text/event-stream')
  @ApiEventStreamResponse()
  @TokenInQuery()
  async events(@Param('stationId') stationId: string): Promise<Observable<MessageEvent>> {
    const station = await this.stations.station(stationId);
    const changes = this.feed
      .changesAt(station.stationId)
      .pipe(concatMap((change) => from(this.message(change))));
    const heartbeat = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: { at: this.clock.now() } })),
    );
    return merge(from(this.snapshot(station.stationId)), changes, heartbeat);
  }

  private async snapshot(stationId: string): Promise<MessageEvent> {
    const station = await this.stations.station(stationId);
    const { view } = await this.queues.today(station, this.clock.now());
    return {
      data: {
        type: 'Snapshot',
        stationId,
        at: this.clock.now(),
        waiting: view.waiting.length,
        lastCalls: view.lastCalls,
      },
    };
  }

  private async message({ stationId, event }: StationChange): Promise<MessageEvent> {
    const station = await this.stations.station(stationId);
    const { state, view } = await this.queues.today(station, this.clock.now());
    const data = event.data as { ticketId?: string; counterId?: string; at?: string };
    const ticket = data.ticketId ? ticketOf(state, data.ticketId) : undefined;
    return {
      id: event.globalPosition.toString(),
      data: {
        type: event.type.slice(event.type.indexOf('.') + 1),
        eventType: event.type,
        stationId,
        ...(data.ticketId ? { ticketId: data.ticketId } : {}),
        ...(ticket ? { number: ticket.number, business: ticket.business } : {}),
        ...(data.counterId ? { counterId: data.counterId } : {}),
        at: event.occurredAt.toISOString(),
        waiting: view.waiting.length,
      },
    };
  }
}
