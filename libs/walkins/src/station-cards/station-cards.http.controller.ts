import { Controller, Get, MessageEvent, Param, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles, TokenInQuery } from '@circle/platform';
import { Observable, defer, interval, map, merge } from 'rxjs';
import { Clock } from '../clock';
import { StationBook } from '../stations/station-book';
import { StationCards, TimedCard } from './station-cards';
import { ApiEventStreamResponse } from '../http/event-stream.response';

const HEARTBEAT_MS = 15_000;

@ApiTags('dashboard')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('dashboard')
export class StationCardsController {
  constructor(
    private readonly cards: StationCards,
    private readonly stations: StationBook,
    private readonly clock: Clock,
  ) {}

  @Get('stations')
  @ApiOperation({
    summary: "Every station's card today: waiting, longest wait, counters, served, hours",
    description:
      'Folded from the queue streams, like the live stream: {stationId, day, waiting, ' +
      'longestWaitingSince, longestWaitSeconds, openCounters, counters[], issued, served, ' +
      'noShows, averageWaitSeconds, averageServiceSeconds, hourly[{hour, arrivals, served}], at}. ' +
      'Hours are Asia/Shanghai.',
  })
  @ApiOkResponse({ description: 'one card per registered station' })
  all(): Promise<TimedCard[]> {
    return this.cards.all();
  }

  @Get('stations/:stationId')
  @ApiOperation({ summary: "One station's card today" })
  one(@Param('stationId') stationId: string): Promise<TimedCard> {
    return this.cards.of(stationId);
  }

  @Sse('events')
  @ApiOperation({
    summary: "Every station's card, live (Server-Sent Events)",
    description:
      'First an unnamed message {type: "Snapshot", at, cards}, then {type: "StationCard", at, ' +
      'card} for a station after each burst of its walk-in or counter events, and a named ' +
      '`heartbeat` every 15 s. EventSource cannot send headers, so the token may come as ' +
      '?access_token=. A page keeps, per station, the card with the later `at`.',
  })
  @ApiProduces('text/event-stream')
  @ApiEventStreamResponse()
  @TokenInQuery()
  async events(): Promise<Observable<MessageEvent>> {
    const district = await this.stations.district();
    // Listening starts before the snapshot is read, so no change falls between the two.
    const changes = this.cards
      .changes(district.map((s) => s.stationId))
      .pipe(map((card): MessageEvent => ({ data: { type: 'StationCard', at: card.at, card } })));
    const snapshot = defer(async (): Promise<MessageEvent> => {
      const at = this.clock.now();
      return { data: { type: 'Snapshot', at, cards: await this.cards.all() } };
    });
    const heartbeat = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: { at: this.clock.now() } })),
    );
    return merge(snapshot, changes, heartbeat);
  }
}
